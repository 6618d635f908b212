import { loadConfig } from "../../../src/config";
import { DroppingProxy } from "../../embedded-mongo/support/dropping-proxy";
import type { TestDatabase } from "../../helpers/test-database";
import { startTestGateway, type TestGateway } from "../../helpers/test-gateway";

/**
 * A gateway whose live results follow the change stream, reaching the engine at `engineUri`
 * through a DroppingProxy the test can cut or close: a network failure as the driver sees it.
 */
export async function startGatewayBehindProxy(
  engineUri: string,
  dbName: string,
): Promise<{ proxy: DroppingProxy; gateway: TestGateway }> {
  const proxy = new DroppingProxy(Number(new URL(engineUri).port));
  await proxy.listen();
  const database = { uri: `mongodb://127.0.0.1:${proxy.port}/?directConnection=true`, dbName };
  const gateway = await startTestGateway(database as TestDatabase, {
    live: { ...loadConfig({}).live, source: "change-stream", minIntervalMs: 100 },
  });
  return { proxy, gateway };
}
