import { afterAll, beforeAll } from "vitest";
import { startedLater } from "./started-later";
import type { TestDatabase } from "./test-database";
import { startTestGateway, type TestGateway, type TestGatewayOverrides } from "./test-gateway";

/**
 * A gateway over `database` for the enclosing file or describe block: started in a beforeAll
 * (see startTestGateway), stopped in an afterAll. Called after the fixture that opens the
 * database (useTestDatabase, useTestGateway), it starts once the database is there and stops
 * before it closes (vitest runs after-hooks in reverse). `database` as a function, and
 * `overrides` as a function, are called at the start, for what is known only then. The result
 * may be kept at once: it stands for the started gateway from beforeAll on.
 */
export function useGatewayOver(
  database: TestDatabase | (() => TestDatabase),
  overrides: TestGatewayOverrides | (() => TestGatewayOverrides) = {},
): TestGateway {
  let gateway: TestGateway | undefined;
  beforeAll(async () => {
    gateway = await startTestGateway(
      typeof database === "function" ? database() : database,
      typeof overrides === "function" ? overrides() : overrides,
    );
  });
  afterAll(async () => {
    await gateway?.stop();
  });
  return startedLater("useGatewayOver", "gateway", () => gateway);
}
