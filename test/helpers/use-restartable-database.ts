import { type Db, MongoClient } from "mongodb";
import { afterAll, beforeAll } from "vitest";
import { freePort, startEngineProcess } from "./engine-process";
import type { TestDatabase } from "./test-database";
import { startTestGateway, type TestGateway, type TestGatewayOverrides } from "./test-gateway";
import { useEngineProcess } from "./use-engine-process";

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
  const engine = useEngineProcess("restartable", args);
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
    gateway = await startTestGateway({ uri: engine.uri, dbName } as TestDatabase, options.gateway);
  });
  afterAll(async () => {
    await gateway?.stop();
  });
  return {
    get uri() {
      return engine.uri;
    },
    get gateway() {
      if (gateway === undefined)
        throw new Error("useRestartableDatabase: the gateway is used before beforeAll ran");
      return gateway;
    },
    async restart(whileAway) {
      await engine.kill();
      if (whileAway) {
        const elsewhere = await startEngineProcess(await freePort(), engine.dataDir, args);
        try {
          await withDbAt(elsewhere.uri, whileAway);
        } finally {
          await elsewhere.kill();
        }
      }
      await engine.restart();
    },
    withDb: (work) => withDbAt(engine.uri, work),
  };
}
