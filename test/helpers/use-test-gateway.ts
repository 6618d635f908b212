import type { Db } from "mongodb";
import { afterAll, beforeAll } from "vitest";
import { openTestDatabase, type TestDatabase } from "./test-database";
import { startedLater } from "./started-later";
import { startTestGateway, type TestGateway, type TestGatewayOverrides } from "./test-gateway";

export interface GatewayFixtureOptions {
  /**
   * Fills the database before the gateway starts (the gateway's start then ensures the
   * indexes); also given the whole test database, for its client or URI.
   */
  seed?: (db: Db, database: TestDatabase) => Promise<void>;
  /**
   * Configuration of the gateway, as for startTestGateway; a function is called after the
   * seed, for settings known only then (the database's URI, a server the file started).
   */
  gateway?: TestGatewayOverrides | ((database: TestDatabase) => TestGatewayOverrides);
}

export interface GatewayFixture {
  /** The test file's own database (see openTestDatabase). */
  database: TestDatabase;
  /** `database.db`. */
  db: Db;
  /** The gateway, started over that database. */
  gateway: TestGateway;
}

/**
 * The set-up most gateway tests share, like useTestEngine for the engine: in the enclosing
 * file or describe block, opens a database of its own, seeds it, starts the real gateway
 * over it, and stops both afterwards (the gateway first). The fields may be destructured at
 * once; they stand for the started objects from beforeAll on. Hooks the file registers
 * before this call run before the set-up and after the stop; hooks registered after it run
 * after the set-up and before the stop (vitest's "stack" order of after-hooks).
 */
export function useTestGateway(label: string, options: GatewayFixtureOptions = {}): GatewayFixture {
  let database: TestDatabase | undefined;
  let gateway: TestGateway | undefined;
  beforeAll(async () => {
    database = await openTestDatabase(label);
    await options.seed?.(database.db, database);
    const overrides = typeof options.gateway === "function" ? options.gateway(database) : options.gateway;
    gateway = await startTestGateway(database, overrides);
  });
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });
  const started = <T extends object>(what: string, value: () => T | undefined): T =>
    startedLater(`useTestGateway("${label}")`, what, value);
  return {
    database: started("database", () => database),
    db: started("database", () => database?.db),
    gateway: started("gateway", () => gateway),
  };
}
