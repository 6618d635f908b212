import type { Db } from "mongodb";
import { beforeAll } from "vitest";
import type { TestDatabase } from "./test-database";
import { startedLater } from "./started-later";
import type { TestGateway, TestGatewayOverrides } from "./test-gateway";
import { useGatewayOver } from "./use-gateway-over";
import { useTestDatabase } from "./use-test-database";

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
  const database = useTestDatabase(label);
  const { seed, gateway: overrides } = options;
  if (seed) beforeAll(() => seed(database.db, database));
  const gateway = useGatewayOver(
    database,
    typeof overrides === "function" ? () => overrides(database) : overrides,
  );
  return {
    database,
    db: startedLater(`useTestGateway("${label}")`, "database", () => database.db),
    gateway,
  };
}
