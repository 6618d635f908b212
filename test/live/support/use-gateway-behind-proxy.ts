import { type Db, MongoClient } from "mongodb";
import { afterAll, beforeAll } from "vitest";
import { loadConfig } from "../../../src/config";
import { DroppingProxy } from "../../embedded-mongo/support/dropping-proxy";
import { startedLater } from "../../helpers/started-later";
import type { TestDatabase } from "../../helpers/test-database";
import { startTestGateway, type TestGateway } from "../../helpers/test-gateway";

export interface GatewayBehindProxy {
  /** Between the gateway and the engine: the test cuts or closes it (a network failure as the driver sees it). */
  proxy: DroppingProxy;
  /** A gateway whose live results follow the change stream, reaching the engine through `proxy`. */
  gateway: TestGateway;
  /** Database `dbName` as other applications see it: a driver client straight to the engine. */
  db: Db;
}

/**
 * For the enclosing file: a gateway over database `dbName` of the engine at `engineUri()`
 * (called at the start), reached through a DroppingProxy, and a direct driver client; stopped
 * and closed afterwards, the database dropped. The fields may be destructured at once; they
 * stand for the started objects from beforeAll on.
 */
export function useGatewayBehindProxy(engineUri: () => string, dbName: string): GatewayBehindProxy {
  let direct: MongoClient | undefined;
  let proxy: DroppingProxy | undefined;
  let gateway: TestGateway | undefined;
  beforeAll(async () => {
    const uri = engineUri();
    direct = await MongoClient.connect(uri);
    proxy = new DroppingProxy(Number(new URL(uri).port));
    await proxy.listen();
    const database = { uri: `mongodb://127.0.0.1:${proxy.port}/?directConnection=true`, dbName };
    gateway = await startTestGateway(database as TestDatabase, {
      live: { ...loadConfig({}).live, source: "change-stream", minIntervalMs: 100 },
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await proxy?.close();
    await direct?.db(dbName).dropDatabase();
    await direct?.close();
  });
  const started = <T extends object>(what: string, value: () => T | undefined): T =>
    startedLater("useGatewayBehindProxy", what, value);
  return {
    proxy: started("proxy", () => proxy),
    gateway: started("gateway", () => gateway),
    db: started("database", () => direct?.db(dbName)),
  };
}
