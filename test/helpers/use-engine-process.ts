import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type EngineProcess, freePort, startEngineProcess } from "./engine-process";

/** The engine process of a file, over a data directory of its own. */
export interface EngineProcessFixture extends EngineProcess {
  /** Its data directory, kept across restarts. */
  readonly dataDir: string;
  /** Starts the engine again, after a kill, on the same port over the same data: the same URI. */
  restart(): Promise<void>;
}

/**
 * For the enclosing file or describe block: the embedded engine as a process of its own (see
 * startEngineProcess) on a free port over a fresh data directory, started in a beforeAll;
 * killed by its PID, and its directory removed, after the tests (SIGKILL ends a frozen process
 * too). `extraArgs` as for startEngineProcess. The result may be kept at once: its fields
 * stand for the running engine from beforeAll on.
 */
export function useEngineProcess(label: string, extraArgs: readonly string[] = []): EngineProcessFixture {
  let dataDir: string | undefined;
  let port = 0;
  let engine: EngineProcess | undefined;
  const current = (): EngineProcess => {
    if (!engine) throw new Error(`useEngineProcess("${label}"): the engine is used before beforeAll ran`);
    return engine;
  };
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `jupiter-${label}-`));
    port = await freePort();
    engine = await startEngineProcess(port, dataDir, extraArgs);
  });
  afterAll(async () => {
    await engine?.kill();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get uri() {
      return current().uri;
    },
    get pid() {
      return current().pid;
    },
    get dataDir() {
      current();
      return dataDir!;
    },
    signal: (signal) => current().signal(signal),
    kill: () => current().kill(),
    async restart() {
      current();
      engine = await startEngineProcess(port, dataDir!, extraArgs);
    },
  };
}
