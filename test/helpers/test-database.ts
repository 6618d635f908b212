import { randomBytes } from "node:crypto";
import { type Db, MongoClient, type MongoClientOptions } from "mongodb";
import { inject } from "vitest";

export interface TestDatabase {
  uri: string;
  backend: string;
  client: MongoClient;
  db: Db;
  dbName: string;
  /** Drops the database and closes the client. */
  close(): Promise<void>;
}

/**
 * Opens a database of its own for one test file on the server the global setup
 * provisioned, so that files running in parallel never see each other's data.
 */
export async function openTestDatabase(
  label: string,
  options: MongoClientOptions = {},
): Promise<TestDatabase> {
  const uri = inject("mongoUri");
  const backend = inject("mongoBackend");
  const dbName = `test_${label.replace(/[^a-z0-9]/gi, "_").slice(0, 30)}_${randomBytes(4).toString("hex")}`;
  const client = await MongoClient.connect(uri, options);
  const db = client.db(dbName);
  return {
    uri,
    backend,
    client,
    db,
    dbName,
    close: async () => {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}
