import { type Db, ObjectId } from "mongodb";
import type { RollupDirtyDocument } from "../db/rollup.document";
import { floorToRollupBucket, ROLLUP_COLLECTIONS } from "../db/rollup-names";

/**
 * Marks the rollup bucket of an alert raised at `timestamp` as changed by the gateway (one
 * upsert with a new token), so that reads take that bucket from the raw alerts until a
 * refresh has recomputed it (src/operations/refresh-rollups.ts clears only the marks it saw).
 */
export async function markRollupDirty(db: Db, timestamp: Date): Promise<void> {
  await db
    .collection<RollupDirtyDocument>(ROLLUP_COLLECTIONS.dirty)
    .updateOne(
      { _id: floorToRollupBucket(timestamp) },
      { $set: { token: new ObjectId(), marked_at: new Date() } },
      { upsert: true },
    );
}
