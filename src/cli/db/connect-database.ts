import { type Db, type MongoClient, MongoServerSelectionError } from "mongodb";
import { connectMongoClient } from "../../db/mongo-client";
import { provisionDatabase, redactUri } from "../../db/provision-database";
import { OperationError } from "../../operations/operation-error";

export interface DatabaseHandle {
  db: Db;
  client: MongoClient;
  uri: string;
  backend: string;
}

/** MONGODB_DB, or "jupiter"; refused as MongoDB would refuse it, before connecting. */
export function databaseName(env: NodeJS.ProcessEnv = process.env): string {
  const name = env.MONGODB_DB || "jupiter";
  if (!/^[^/\\. "$*<>:|?]{1,63}$/.test(name)) {
    throw new OperationError(
      `MONGODB_DB "${name}" is not a valid database name`,
      'use 1 to 63 characters without /\\. "$*<>:|? (e.g. MONGODB_DB=jupiter)',
    );
  }
  return name;
}

/**
 * Runs `work` against MONGODB_URI (or the database provisionDatabase chooses when it is
 * unset, which is temporary) and the database MONGODB_DB; closes everything after.
 */
export async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const name = databaseName();
  const provisioned = await provisionDatabase();
  if (provisioned.backend !== "uri") {
    console.error(provisioned.reason);
    console.error(
      "note: MONGODB_URI is not set, so this runs against a temporary database that is discarded when the command ends; set MONGODB_URI to work on yours",
    );
  }
  let client: MongoClient | undefined;
  try {
    try {
      client = await connectMongoClient(provisioned.uri, { appName: "jupiter-db" });
    } catch (error) {
      if (
        error instanceof MongoServerSelectionError ||
        (error as Error).name === "MongoServerSelectionError"
      ) {
        throw new OperationError(
          `cannot reach MongoDB at ${redactUri(provisioned.uri)}: ${(error as Error).message}`,
          "check MONGODB_URI (host, port, credentials) and that the server is running",
        );
      }
      throw error;
    }
    return await work({ db: client.db(name), client, uri: provisioned.uri, backend: provisioned.backend });
  } finally {
    await client?.close().catch(() => undefined);
    await provisioned.stop().catch(() => undefined);
  }
}
