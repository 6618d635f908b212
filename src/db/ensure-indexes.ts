import type { Db } from "mongodb";
import { DATA_MODEL_INDEXES } from "./data-model-indexes";

/**
 * Creates the data model's indexes (src/db/data-model-indexes.ts). Idempotent: an
 * index that already exists with the same definition is left alone. An index that
 * exists under the same name with a different definition makes MongoDB refuse, and
 * the start fails with its message, rather than the gateway running on a model it
 * does not expect.
 */
export async function ensureIndexes(db: Db): Promise<void> {
  for (const [collection, indexes] of Object.entries(DATA_MODEL_INDEXES)) {
    if (!indexes || indexes.length === 0) continue;
    await db.collection(collection).createIndexes([...indexes]);
  }
}
