import { type Db, type Document, ObjectId } from "mongodb";
import { COLLECTIONS } from "../db/collection-names";
import { acquireLock, type HeldLock } from "./operation-lock";
import { OperationError } from "./operation-error";
import { type OperationReporting, reporterOf } from "./operation-events";
import type { AlertRollupDocument, RollupDirtyDocument, RollupStateDocument } from "../db/rollup.document";
import {
  floorToRollupBucket,
  ROLLUP_BUCKET_MS,
  ROLLUP_COLLECTIONS,
  ROLLUP_LEASE,
  ROLLUP_STATE_ID,
  ROLLUP_TIERS_VERSION,
} from "../db/rollup-names";
import { ROLLUP_INDEXES } from "../db/rollup-indexes";
import { ROLLUP_TIERS, type RollupTier, tierUnitsOverlapping, unitsCondition } from "../db/rollup-tiers";

export interface RefreshRollupsOptions extends OperationReporting {
  /** The refresh's clock reading: the rollup becomes complete up to its 15-minute floor. */
  now: Date;
  /** How far behind the old watermark the window starts (ROLLUP_LOOKBACK). */
  lookbackMs: number;
  /** Recompute everything from the first alert on (`jupiter db rollups rebuild`). */
  full?: boolean;
  /** A rebuild recomputes this much time per step (default 1 day): one progress line each. */
  chunkMs?: number;
  /** How long to wait for a lease held by another runner (default 0: give up, skipped). */
  waitMs?: number;
  /** Lease expiry while held (default 10 min; renewed at a third of it). */
  leaseTtlMs?: number;
  /** Test hook: runs once the lease is held, before anything is recomputed. */
  afterLease?: () => Promise<void>;
  /** Stops between two steps (Ctrl-C of the CLI): the lease is released, the watermark unchanged. */
  signal?: AbortSignal;
}

export interface RefreshRollupsResult {
  /** False when another runner held the lease (nothing was done). */
  refreshed: boolean;
  /** The holder of the lease when skipped. */
  heldBy?: string;
  watermark: Date | null;
  /** Start of the recomputed window (null when skipped). */
  windowStart: Date | null;
  /** Dirty buckets outside the window that were recomputed too. */
  dirtyBuckets: number;
  /** Rollup documents (15-minute, alert_rollups) written. */
  written: number;
  /** Rollup documents removed (their bucket and combination has no alert any more). */
  removed: number;
  /** Documents of the coarser tiers (hour, six hours, day, month) written, stale ones removed. */
  tiers: { written: number; removed: number };
}

interface TimeRange {
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;

/** Makes the indexes rollup reads and refreshes need, on every tier (idempotent; `jupiter db setup` makes them too). */
export async function ensureRollupIndexes(db: Db): Promise<void> {
  for (const [collection, indexes] of Object.entries(ROLLUP_INDEXES)) {
    for (const { key, ...options } of indexes) await db.collection(collection).createIndex(key, options);
  }
}

/**
 * Brings alert_rollups up to date, under the "rollups" lease (one runner at a time):
 *
 * - the window [old watermark − lookback, now rounded down to 15 minutes) is recomputed
 *   (everything from the first alert on when there is no watermark yet, or with `full`);
 * - buckets marked dirty by the gateway's own alert writes are recomputed too, wherever
 *   they lie, and only the marks seen are cleared (a newer mark of the same bucket stays);
 * - each step `$merge`s the grouped counts into alert_rollups (on `_id`, replace, insert;
 *   never `$out`), stamped with this refresh's id, then deletes the documents of the
 *   step's ranges that it did not write: combinations that have no alert any more;
 * - each step then recomputes the coarser tiers (src/db/rollup-tiers.ts) of every UTC hour,
 *   day and month its ranges touch, each from the tier just below (hours from quarter
 *   hours, six hours from hours, days from six hours, months from days), the same way ($merge, then removal of what
 *   it did not write);
 * - finally the watermark moves to the end of the window (and `tiers` is stamped).
 *
 * Stopped at any point and run again, it gives the same result: every step is a
 * recomputation of whole buckets, and the watermark moves only at the end.
 */
export async function refreshRollups(db: Db, options: RefreshRollupsOptions): Promise<RefreshRollupsResult> {
  const report = reporterOf(options);
  await ensureRollupIndexes(db);
  let lock: HeldLock;
  try {
    lock = await acquireLock(db, ROLLUP_LEASE, {
      ttlMs: options.leaseTtlMs ?? 600_000,
      waitMs: options.waitMs ?? 0,
      log: report.log,
    });
  } catch (error) {
    if (!(error instanceof OperationError) || options.full) throw error;
    const holder = await db
      .collection<{ name: string; owner?: string }>("migration_locks")
      .findOne({ name: ROLLUP_LEASE });
    return {
      refreshed: false,
      heldBy: holder?.owner,
      watermark: null,
      windowStart: null,
      dirtyBuckets: 0,
      written: 0,
      removed: 0,
      tiers: { written: 0, removed: 0 },
    };
  }
  try {
    await options.afterLease?.();
    const state = db.collection<RollupStateDocument>(ROLLUP_COLLECTIONS.state);
    const dirty = db.collection<RollupDirtyDocument>(ROLLUP_COLLECTIONS.dirty);
    const end = floorToRollupBucket(options.now);
    const previous = await state.findOne({ _id: ROLLUP_STATE_ID });
    const marks = await dirty.find({}).toArray();
    // A rollup built before the coarser tiers existed is rebuilt once, tiers included.
    const rebuild = options.full === true || !previous || previous.tiers !== ROLLUP_TIERS_VERSION;

    let start: Date;
    if (rebuild) {
      const first = await db
        .collection(COLLECTIONS.alerts)
        .find({}, { projection: { _id: 0, timestamp: 1 } })
        .sort({ timestamp: 1 })
        .limit(1)
        .next();
      const firstAt = first?.timestamp instanceof Date ? floorToRollupBucket(first.timestamp) : end;
      start = firstAt < end ? firstAt : end;
    } else {
      start = floorToRollupBucket(new Date(previous.watermark.getTime() - options.lookbackMs));
      if (start > end) start = end;
    }

    const steps: TimeRange[][] = [];
    const chunkMs = rebuild
      ? Math.max(ROLLUP_BUCKET_MS, options.chunkMs ?? DAY_MS)
      : Number.POSITIVE_INFINITY;
    for (let from = start; from < end;) {
      const to = new Date(Math.min(end.getTime(), from.getTime() + chunkMs));
      steps.push([{ from, to }]);
      from = to;
    }
    const outside = marks
      .map((mark) => mark._id)
      .filter((bucket) => bucket < start || bucket >= end)
      .sort((a, b) => a.getTime() - b.getTime());
    for (let i = 0; i < outside.length; i += 200) {
      steps.push(
        outside
          .slice(i, i + 200)
          .map((bucket) => ({ from: bucket, to: new Date(bucket.getTime() + ROLLUP_BUCKET_MS) })),
      );
    }

    const result: RefreshRollupsResult = {
      refreshed: true,
      watermark: end,
      windowStart: start,
      dirtyBuckets: outside.length,
      written: 0,
      removed: 0,
      tiers: { written: 0, removed: 0 },
    };
    const token = new ObjectId();
    const rollups = db.collection<AlertRollupDocument>(ROLLUP_COLLECTIONS.rollups);
    if (rebuild) {
      // Nothing before the first alert or past the end can have alerts now.
      const removed = await rollups.deleteMany({
        $or: [{ bucket: { $lt: start } }, { bucket: { $gte: end } }],
      });
      result.removed += removed.deletedCount;
      for (const tier of ROLLUP_TIERS.slice(1)) {
        const stale = await db.collection(tier.collection).deleteMany({
          $or: [{ bucket: { $lt: new Date(tier.floor(start.getTime())) } }, { bucket: { $gte: end } }],
        });
        result.tiers.removed += stale.deletedCount;
      }
    }
    report.progress(rebuild ? "rebuild" : "refresh", 0, steps.length);
    for (const [index, ranges] of steps.entries()) {
      if (options.signal?.aborted) {
        throw new OperationError(
          `interrupted after ${index} of ${steps.length} steps; the watermark is unchanged`,
          "run it again: every step recomputes whole buckets, so a new run gives the complete result",
        );
      }
      await lock.assertHeld();
      const counts = await recompute(db, ranges, token);
      result.written += counts.written;
      result.removed += counts.removed;
      const tiers = await recomputeTiers(db, ranges);
      result.tiers.written += tiers.written;
      result.tiers.removed += tiers.removed;
      report.progress(rebuild ? "rebuild" : "refresh", index + 1, steps.length);
      if (rebuild) {
        const range = ranges[0]!;
        report.log(
          `rebuilt ${range.from.toISOString()} … ${ranges.at(-1)!.to.toISOString()} (${index + 1}/${steps.length}): ${counts.written} rollup documents`,
        );
      }
    }

    await lock.assertHeld();
    await state.updateOne(
      { _id: ROLLUP_STATE_ID },
      {
        $set: {
          watermark: end,
          refreshed_at: options.now,
          window_start: start,
          tiers: ROLLUP_TIERS_VERSION,
          ...(options.full ? { rebuilt_at: options.now } : {}),
        },
      },
      { upsert: true },
    );
    for (let i = 0; i < marks.length; i += 500) {
      await dirty.deleteMany({
        $or: marks.slice(i, i + 500).map((mark) => ({ _id: mark._id, token: mark.token })),
      });
    }
    return result;
  } finally {
    await lock.release();
  }
}

/** Recomputes the rollup documents of whole buckets: $merge what is there, delete what is not. */
async function recompute(
  db: Db,
  ranges: readonly TimeRange[],
  token: ObjectId,
): Promise<{ written: number; removed: number }> {
  const timeMatch = (field: string): Document =>
    ranges.length === 1
      ? { [field]: { $gte: ranges[0]!.from, $lt: ranges[0]!.to } }
      : { $or: ranges.map((range) => ({ [field]: { $gte: range.from, $lt: range.to } })) };
  return regroup(db, {
    from: COLLECTIONS.alerts,
    match: timeMatch("timestamp"),
    bucket: { $dateTrunc: { date: "$timestamp", unit: "minute", binSize: 15, timezone: "UTC" } },
    count: { $sum: 1 },
    into: ROLLUP_COLLECTIONS.rollups,
    replaced: timeMatch("bucket"),
    token,
  });
}

/**
 * Groups the documents `match` selects in `from` per (`bucket`, type, source, severity,
 * resolved), `$merge`s the counts into `into` (on `_id`: replace or insert; never `$out`)
 * stamped with `token`, then deletes the documents of `replaced` it did not write.
 */
async function regroup(
  db: Db,
  step: {
    from: string;
    match: Document;
    bucket: Document;
    count: Document;
    into: string;
    replaced: Document;
    token: ObjectId;
  },
): Promise<{ written: number; removed: number }> {
  await db
    .collection(step.from)
    .aggregate([
      { $match: step.match },
      {
        $group: {
          _id: {
            bucket: step.bucket,
            type: "$type",
            source: "$source",
            severity: "$severity",
            resolved: "$resolved",
          },
          count: step.count,
        },
      },
      {
        $set: {
          bucket: "$_id.bucket",
          type: "$_id.type",
          source: "$_id.source",
          severity: "$_id.severity",
          resolved: "$_id.resolved",
          refresh: step.token,
        },
      },
      { $merge: { into: step.into, on: "_id", whenMatched: "replace", whenNotMatched: "insert" } },
    ])
    .toArray();
  const target = db.collection(step.into);
  const removed = await target.deleteMany({ ...step.replaced, refresh: { $ne: step.token } });
  const written = await target.countDocuments({ ...step.replaced, refresh: step.token });
  return { written, removed: removed.deletedCount };
}

/**
 * Recomputes, tier after tier, every unit of the coarser tiers that the recomputed
 * quarter-hour ranges touch, each from the tier just below: $merge of the grouped sums,
 * then removal of the documents of those units that this recomputation did not write (a
 * token of its own each time: a later step may recompute a unit an earlier one wrote).
 * Units are selected by `$in` on their starts, which the `bucket` index serves.
 */
async function recomputeTiers(
  db: Db,
  ranges: readonly TimeRange[],
): Promise<{ written: number; removed: number }> {
  const counts = { written: 0, removed: 0 };
  let touched = ranges.map((range) => ({ from: range.from.getTime(), to: range.to.getTime() }));
  for (let level = 1; level < ROLLUP_TIERS.length; level++) {
    const tier = ROLLUP_TIERS[level]!;
    const below = ROLLUP_TIERS[level - 1]!;
    const units = [
      ...new Set(touched.flatMap((range) => tierUnitsOverlapping(tier, range.from, range.to))),
    ].sort((a, b) => a - b);
    for (let i = 0; i < units.length; i += 100) {
      const batch = units.slice(i, i + 100);
      const done = await recomputeUnits(db, tier, below, batch, new ObjectId());
      counts.written += done.written;
      counts.removed += done.removed;
    }
    touched = units.map((start) => ({ from: start, to: tier.next(start) }));
  }
  return counts;
}

async function recomputeUnits(
  db: Db,
  tier: RollupTier,
  below: RollupTier,
  units: readonly number[],
  token: ObjectId,
): Promise<{ written: number; removed: number }> {
  const parts = units.flatMap((start) => tierUnitsOverlapping(below, start, tier.next(start)));
  return regroup(db, {
    from: below.collection,
    match: { bucket: unitsCondition(below, parts) },
    bucket: { $dateTrunc: { date: "$bucket", ...tier.trunc, timezone: "UTC" } },
    count: { $sum: "$count" },
    into: tier.collection,
    replaced: { bucket: unitsCondition(tier, units) },
    token,
  });
}
