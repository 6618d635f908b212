import type { Db } from "mongodb";
import { setupDatabase } from "./setup-database";

/**
 * Makes sure the data model exists before the gateway serves: every collection with its
 * `$jsonSchema` validator (src/db/collection-validators.ts) and every index of
 * src/db/data-model-indexes.ts. It is `jupiter db setup` (src/operations/setup-database.ts),
 * run quietly: idempotent, and what exists as specified is left alone. An index that
 * exists with the same key or name but another definition ("drift") makes the start fail
 * with a message naming it, rather than the gateway running on a model it does not expect.
 */
export async function ensureIndexes(db: Db): Promise<void> {
  const result = await setupDatabase(db);
  const drift = result.indexes.filter((index) => index.action === "drift");
  if (drift.length > 0) {
    throw new Error(
      `The database's indexes differ from the data model:\n- ${drift
        .map((index) => `${index.collection}.${index.name}: ${index.detail ?? "differs"}`)
        .join("\n- ")}`,
    );
  }
}
