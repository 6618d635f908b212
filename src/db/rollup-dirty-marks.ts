import { type Db, ObjectId } from "mongodb";
import type { RollupDirtyDocument } from "./rollup.document";
import { floorToRollupBucket, ROLLUP_COLLECTIONS, ROLLUP_STATE_ID } from "./rollup-names";

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

/**
 * For jobs that delete or change alerts outside the gateway (`jupiter db cleanup`): marks
 * the buckets of those alerts, when a rollup has been built, so that the next refresh
 * recomputes them wherever they lie.
 */
export async function markRollupBucketsDirty(db: Db, timestamps: readonly Date[]): Promise<void> {
  if (timestamps.length === 0) return;
  const built = await db
    .collection(ROLLUP_COLLECTIONS.state)
    .countDocuments({ _id: ROLLUP_STATE_ID as never }, { limit: 1 });
  if (built === 0) return;
  const buckets = new Map(timestamps.map((at) => [floorToRollupBucket(at).getTime(), at]));
  for (const at of buckets.values()) await markRollupDirty(db, at);
}
