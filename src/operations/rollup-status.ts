import type { Db } from "mongodb";
import { COLLECTIONS } from "../db/collection-names";
import { collectionStats } from "../db/collection-stats";
import type { RollupStateDocument } from "../db/rollup.document";
import { ROLLUP_COLLECTIONS, ROLLUP_STATE_ID } from "../db/rollup-names";
import { ROLLUP_TIERS } from "../db/rollup-tiers";

export interface RollupStatus {
  /** The rollup is complete for alerts raised before it; null before the first refresh. */
  watermark: Date | null;
  /** now − watermark: how far behind the rollup is (the raw tail a query aggregates); null without one. */
  lagMs: number | null;
  refreshedAt: Date | null;
  rebuiltAt: Date | null;
  /** alert_rollups documents and their size in bytes. */
  documents: number;
  bytes: number;
  /** Alerts the rollup counts, and alerts in the collection (for the compression ratio). */
  alertsCounted: number;
  alerts: number;
  /** Buckets the gateway's writes marked since the last refresh. */
  dirtyBuckets: number;
  /** The coarser tiers (hours, six hours, days, months): collection and documents each. */
  tiers: { collection: string; documents: number }[];
}

/** What `jupiter db rollups status` prints. */
export async function rollupStatus(db: Db, now: Date = new Date()): Promise<RollupStatus> {
  const state = await db
    .collection<RollupStateDocument>(ROLLUP_COLLECTIONS.state)
    .findOne({ _id: ROLLUP_STATE_ID });
  const notes = new Set<string>();
  const stats = await collectionStats(db, ROLLUP_COLLECTIONS.rollups, notes);
  const [sum] = await db
    .collection(ROLLUP_COLLECTIONS.rollups)
    .aggregate<{ n: number }>([{ $group: { _id: null, n: { $sum: "$count" } } }])
    .toArray();
  return {
    watermark: state?.watermark ?? null,
    lagMs: state ? now.getTime() - state.watermark.getTime() : null,
    refreshedAt: state?.refreshed_at ?? null,
    rebuiltAt: state?.rebuilt_at ?? null,
    documents: stats.count,
    bytes: stats.size,
    alertsCounted: sum?.n ?? 0,
    alerts: await db.collection(COLLECTIONS.alerts).estimatedDocumentCount(),
    dirtyBuckets: await db.collection(ROLLUP_COLLECTIONS.dirty).countDocuments(),
    tiers: await Promise.all(
      ROLLUP_TIERS.slice(1).map(async (tier) => ({
        collection: tier.collection,
        documents: await db.collection(tier.collection).estimatedDocumentCount(),
      })),
    ),
  };
}
