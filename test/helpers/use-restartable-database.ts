import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type Db, MongoClient } from "mongodb";
import { afterAll, beforeAll } from "vitest";
import { type EngineProcess, freePort, startEngineProcess } from "./engine-process";
import type { TestDatabase } from "./test-database";
import { startTestGateway, type TestGateway, type TestGatewayOverrides } from "./test-gateway";

export interface RestartableDatabaseOptions {
  /** Arguments of `jupiter embedded-mongo` after --port and --data-dir (e.g. `--change-history 5`). */
  engineArgs?: readonly string[];
  /** Configuration of the gateway, as for startTestGateway. */
  gateway?: TestGatewayOverrides;
}

export interface RestartableDatabase {
  /** The database's URI: the same port across restarts. */
  readonly uri: string;
  /** The gateway over it (started in-process, commands recorded). */
  readonly gateway: TestGateway;
  /**
   * Kills the engine by its PID; if `whileAway` is given, starts it on another port (out of the
   * gateway's sight) with the same data, runs `whileAway` on the database there through a driver
   * client of its own, and kills it again; then starts the engine on its own port with its data.
   */
  restart(whileAway?: (db: Db) => Promise<void>): Promise<void>;
  /** Runs `work` on the database through a driver client of its own (as another application would). */
  withDb<T>(work: (db: Db) => Promise<T>): Promise<T>;
}

/**
 * For the enclosing file: the database as an engine process of its own over a data directory
 * (`jupiter embedded-mongo --port P --data-dir DIR`), named `dbName`, and the real gateway over
 * it; both stopped afterwards. Tests restart the database under the gateway with restart().
 */
export function useRestartableDatabase(
  dbName: string,
  options: RestartableDatabaseOptions = {},
): RestartableDatabase {
  const args = options.engineArgs ?? [];
  let dataDir: string | undefined;
  let port = 0;
  let engine: EngineProcess | undefined;
  let gateway: TestGateway | undefined;
  const withDbAt = async <T>(uri: string, work: (db: Db) => Promise<T>): Promise<T> => {
    const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 10_000 });
    try {
      return await work(client.db(dbName));
    } finally {
      await client.close();
    }
  };
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jupiter-restartable-"));
    port = await freePort();
    engine = await startEngineProcess(port, dataDir, args);
    gateway = await startTestGateway({ uri: engine.uri, dbName } as TestDatabase, options.gateway);
  });
  afterAll(async () => {
    await gateway?.stop();
    await engine?.kill();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`useRestartableDatabase: the ${what} is used before beforeAll ran`);
    return value;
  };
  return {
    get uri() {
      return started(engine, "engine").uri;
    },
    get gateway() {
      return started(gateway, "gateway");
    },
    async restart(whileAway) {
      const directory = started(dataDir, "data directory");
      await started(engine, "engine").kill();
      if (whileAway) {
        const elsewhere = await startEngineProcess(await freePort(), directory, args);
        try {
          await withDbAt(elsewhere.uri, whileAway);
        } finally {
          await elsewhere.kill();
        }
      }
      engine = await startEngineProcess(port, directory, args);
    },
    withDb: (work) => withDbAt(started(engine, "engine").uri, work),
  };
}
