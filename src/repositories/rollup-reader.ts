import type { Db, Document } from "mongodb";
import { COLLECTIONS } from "../db/collection-names";
import { MetricSource } from "../domain/metric-source.enum";
import { keyOf } from "../pipelines/fill-metric-gaps";
import type { MetricDimension } from "../pipelines/metric-dimension";
import { compareMetricRows } from "../pipelines/metric-row-order";
import { metricsPipeline } from "../pipelines/metrics.pipeline";
import type { IsoWeekday, TimeGranularity } from "../pipelines/time-granularity";
import { runAggregation } from "./run-aggregation";
import { dimensionsAreCovered, filterIsCovered, rollupAccumulators } from "../pipelines/rollup-coverage";
import type { RollupDirtyDocument, RollupStateDocument } from "../db/rollup.document";
import {
  ceilToRollupBucket,
  floorToRollupBucket,
  isRollupBoundary,
  ROLLUP_BUCKET_MS,
  ROLLUP_COLLECTIONS,
  ROLLUP_STATE_ID,
} from "../db/rollup-names";

/** One grouped count over alerts, as the metrics pipeline would run it on the raw alerts. */
export interface RollupReadInput {
  /** Inclusive; absent: from the first alert. */
  from?: Date;
  /** Exclusive; absent: to the last alert. */
  to?: Date;
  /** The MongoDB filter on alerts (ANDed with the range). */
  filter: Document;
  /** Time buckets of the answer; absent: none. */
  bucket?: { unit: TimeGranularity; timezone: string; weekStart?: IsoWeekday };
  /** Every bucket boundary of the zone inside the range (bucket starts and the end). */
  boundaries?: readonly Date[];
  dimensions: readonly MetricDimension[];
  /** The accumulators of the raw read: counts only, or the read is not covered. */
  accumulators: Readonly<Record<string, Document>>;
  /** At most this many rows (as metricsPipeline's `$limit`). */
  limit?: number;
}

export interface RollupReadResult {
  /** Flat rows as metricsPipeline returns them, in its order. */
  rows: Record<string, unknown>[];
  source: MetricSource.ROLLUP | MetricSource.MIXED;
}

/** More dirty buckets than this inside a range: the query runs live (the next refresh clears them). */
const MAX_DIRTY_BUCKETS = 500;

/**
 * Answers a grouped alert count from alert_rollups where it can: rollup buckets for the
 * whole 15-minute buckets of the range before the watermark, the raw alerts for the rest
 * (the partial buckets at the ends, everything from the watermark on, and the buckets the
 * gateway's own writes marked dirty since the last refresh), summed per row. Returns null
 * when the query is not covered (filter, dimensions, measures or zone buckets that do
 * not fall on 15-minute boundaries) or the rollup would contribute nothing: then the
 * caller runs it live.
 */
export class RollupReader {
  constructor(
    private readonly db: Db,
    private readonly maxTimeMS: number,
  ) {}

  async read(input: RollupReadInput): Promise<RollupReadResult | null> {
    const accumulators = rollupAccumulators(input.accumulators);
    if (!accumulators || !filterIsCovered(input.filter) || !dimensionsAreCovered(input.dimensions))
      return null;
    if (input.bucket && !(input.boundaries ?? []).every(isRollupBoundary)) return null;

    const state = await this.db
      .collection<RollupStateDocument>(ROLLUP_COLLECTIONS.state)
      .findOne({ _id: ROLLUP_STATE_ID }, { maxTimeMS: this.maxTimeMS });
    if (!state) return null;
    const start = input.from ? ceilToRollupBucket(input.from) : undefined;
    const endCandidate = input.to ? floorToRollupBucket(input.to) : state.watermark;
    const end = endCandidate < state.watermark ? endCandidate : state.watermark;
    if (start && start >= end) return null;

    const dirty = await this.db
      .collection<RollupDirtyDocument>(ROLLUP_COLLECTIONS.dirty)
      .find({ _id: { ...(start ? { $gte: start } : {}), $lt: end } }, { maxTimeMS: this.maxTimeMS })
      .project<{ _id: Date }>({ _id: 1 })
      .limit(MAX_DIRTY_BUCKETS + 1)
      .toArray();
    if (dirty.length > MAX_DIRTY_BUCKETS) return null;
    const dirtyBuckets = dirty.map((mark) => mark._id);

    const rollupRange: Document = { ...(start ? { $gte: start } : {}), $lt: end };
    if (dirtyBuckets.length > 0) rollupRange.$nin = dirtyBuckets;
    const rawRanges: Document[] = [];
    if (input.from && start && input.from < start) rawRanges.push({ $gte: input.from, $lt: start });
    if (!input.to || end < input.to) rawRanges.push({ $gte: end, ...(input.to ? { $lt: input.to } : {}) });
    for (const bucket of dirtyBuckets) {
      rawRanges.push({ $gte: bucket, $lt: new Date(bucket.getTime() + ROLLUP_BUCKET_MS) });
    }

    const bucketOf = (field: string) =>
      input.bucket
        ? {
            field,
            unit: input.bucket.unit,
            timezone: input.bucket.timezone,
            weekStart: input.bucket.weekStart,
          }
        : undefined;
    const reads = [
      runAggregation<Record<string, unknown>>(
        this.db,
        ROLLUP_COLLECTIONS.rollups,
        rollupPipeline(and({ bucket: rollupRange }, input.filter), input, accumulators, bucketOf("$bucket")),
        this.maxTimeMS,
      ),
    ];
    if (rawRanges.length > 0) {
      const time =
        rawRanges.length === 1
          ? { timestamp: rawRanges[0] }
          : { $or: rawRanges.map((range) => ({ timestamp: range })) };
      reads.push(
        runAggregation<Record<string, unknown>>(
          this.db,
          COLLECTIONS.alerts,
          metricsPipeline({
            match: and(time, input.filter),
            bucket: bucketOf("$timestamp"),
            dimensions: input.dimensions,
            accumulators: input.accumulators,
            limit: input.limit,
          }),
          this.maxTimeMS,
        ),
      );
    }
    const parts = await Promise.all(reads);
    const rows = sumRows(parts, input.dimensions, Object.keys(accumulators));
    return {
      rows: input.limit === undefined ? rows : rows.slice(0, input.limit),
      source: rawRanges.length > 0 ? MetricSource.MIXED : MetricSource.ROLLUP,
    };
  }
}

/**
 * The rollup read. With time buckets, the rollup documents are first summed per 15-minute
 * bucket and answer dimension (no date arithmetic), so that the zone's `$dateTrunc`
 * runs once per bucket and combination rather than once per rollup document.
 */
function rollupPipeline(
  match: Document,
  input: RollupReadInput,
  accumulators: Record<string, Document>,
  bucket: Parameters<typeof metricsPipeline>[0]["bucket"],
): Document[] {
  if (!bucket) {
    return metricsPipeline({ match, dimensions: input.dimensions, accumulators, limit: input.limit });
  }
  const fields = (dimension: MetricDimension) => dimension.path.slice(1);
  const preGrouped: Document[] = [
    { $match: match },
    {
      $group: {
        _id: {
          bucket: "$bucket",
          ...Object.fromEntries(input.dimensions.map((dimension) => [fields(dimension), dimension.path])),
        },
        ...accumulators,
      },
    },
    {
      $project: {
        _id: 0,
        bucket: "$_id.bucket",
        ...Object.fromEntries(
          input.dimensions.map((dimension) => [fields(dimension), `$_id.${fields(dimension)}`]),
        ),
        ...Object.fromEntries(Object.keys(accumulators).map((name) => [name, 1])),
      },
    },
  ];
  const [, ...grouped] = metricsPipeline({
    match: {},
    bucket,
    dimensions: input.dimensions,
    accumulators: Object.fromEntries(Object.keys(accumulators).map((name) => [name, { $sum: `$${name}` }])),
    limit: input.limit,
  });
  return [...preGrouped, ...grouped];
}

function and(first: Document, filter: Document): Document {
  return Object.keys(filter).length === 0 ? first : { $and: [first, filter] };
}

/** The rows of several reads summed per bucket and combination, in metricsPipeline's order. */
function sumRows(
  parts: readonly Record<string, unknown>[][],
  dimensions: readonly MetricDimension[],
  measures: readonly string[],
): Record<string, unknown>[] {
  if (parts.length === 1) return parts[0]!;
  const byKey = new Map<string, Record<string, unknown>>();
  for (const part of parts) {
    for (const row of part) {
      const key = JSON.stringify([
        row.bucket instanceof Date ? row.bucket.getTime() : null,
        ...dimensions.map((dimension) => keyOf(row[dimension.name])),
      ]);
      const existing = byKey.get(key);
      if (!existing) {
        byKey.set(key, { ...row });
        continue;
      }
      for (const measure of measures)
        existing[measure] = Number(existing[measure] ?? 0) + Number(row[measure] ?? 0);
    }
  }
  return [...byKey.values()].sort(compareMetricRows(dimensions));
}
