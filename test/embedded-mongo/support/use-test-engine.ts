import type { Db } from "mongodb";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startTestEngine, type TestEngine } from "./start-test-engine";

export interface EngineFixture {
  /** The engine of the enclosing describe block, with a connected driver. */
  readonly t: TestEngine;
  /** A database of its own for the current test. */
  readonly db: Db;
}

/** Starts one engine for the enclosing describe block and gives each test a fresh database. */
export function useTestEngine(prefix: string): EngineFixture {
  const fixture = {} as { t: TestEngine; db: Db };
  beforeAll(async () => {
    fixture.t = await startTestEngine();
  });
  afterAll(async () => {
    await fixture.t?.stop();
  });
  beforeEach(() => {
    fixture.db = fixture.t.client.db(`${prefix}_${Math.random().toString(36).slice(2)}`);
  });
  return fixture;
}
