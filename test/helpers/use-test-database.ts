import type { MongoClientOptions } from "mongodb";
import { afterAll, beforeAll } from "vitest";
import { startedLater } from "./started-later";
import { openTestDatabase, type TestDatabase } from "./test-database";

/**
 * In the enclosing file or describe block, opens a database of its own (see openTestDatabase,
 * which also takes the driver's `options`) before the tests and drops and closes it after
 * them. The result may be kept at once: it stands for the opened database from beforeAll on.
 */
export function useTestDatabase(label: string, options: MongoClientOptions = {}): TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase(label, options);
  });
  afterAll(async () => {
    await database?.close();
  });
  return startedLater(`useTestDatabase("${label}")`, "database", () => database);
}
