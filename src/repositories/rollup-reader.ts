import type { Db, Document } from "mongodb";
import { COLLECTIONS } from "../db/collection-names";
import { MetricSource } from "../domain/metric-source.enum";
import { keyOf } from "../pipelines/fill-metric-gaps";
import type { MetricDimension } from "../pipelines/metric-dimension";
import { compareMetricRows } from "../pipelines/metric-row-order";
import { metricsPipeline } from "../pipelines/metrics.pipeline";
import type { IsoWeekday, TimeGranularity } from "../pipelines/time-granularity";
import { dimensionsAreCovered, filterIsCovered, rollupAccumulators } from "../pipelines/rollup-coverage";
import type { RollupDirtyDocument, RollupStateDocument } from "../db/rollup.document";
import {
  ceilToRollupBucket,
  floorToRollupBucket,
  isRollupBoundary,
  ROLLUP_BUCKET_MS,
  ROLLUP_COLLECTIONS,
  ROLLUP_STATE_ID,
  ROLLUP_TIERS_VERSION,
} from "../db/rollup-names";
import { ceilToTier, ROLLUP_TIERS, unitsCondition } from "../db/rollup-tiers";
import { decomposeInterval } from "./rollup-pieces";

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

/** More dirty buckets than this around a range: the query runs live (the next refresh clears them). */
const MAX_DIRTY_BUCKETS = 500;

/** The hidden count of alerts behind a summed row: a row whose alerts all cancel out is no row. */
const ALERTS = "__alerts";

/**
 * Answers a grouped alert count from the rollup tiers where it can. Each answer bucket's
 * interval (or the whole range when the query has no time buckets), cut to whole quarter
 * hours before the watermark, is written as a signed sum of month, day, hour and
 * quarter-hour units (decomposeInterval); each tier is read with one aggregation grouped by
 * unit start and the answer's dimensions, and the units are added to and subtracted from
 * their answer buckets here. The raw alerts supply the rest: the partial quarter hours at
 * the ends, everything from the watermark on, and the quarter hours the gateway's own
 * writes marked dirty since the last refresh. Returns null when the query is not covered
 * (filter, dimensions, measures or zone buckets that do not fall on 15-minute boundaries)
 * or the rollup would contribute nothing: then the caller runs it live.
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
    const boundaries = input.bucket ? (input.boundaries ?? []).map((at) => at.getTime()) : null;
    if (boundaries && (boundaries.length < 2 || !(input.boundaries ?? []).every(isRollupBoundary)))
      return null;

    // The state and the dirty marks of every unit a piece may come from, read at once.
    const coarsest = ROLLUP_TIERS.at(-1)!;
    const fromCeil = input.from ? ceilToRollupBucket(input.from).getTime() : undefined;
    const hull: Document = {};
    if (fromCeil !== undefined) hull.$gte = new Date(coarsest.floor(fromCeil));
    if (input.to) hull.$lt = new Date(ceilToTier(coarsest, ceilToRollupBucket(input.to).getTime()));
    const [state, dirtyMarks] = await Promise.all([
      this.db
        .collection<RollupStateDocument>(ROLLUP_COLLECTIONS.state)
        .findOne({ _id: ROLLUP_STATE_ID }, { maxTimeMS: this.maxTimeMS }),
      this.db
        .collection<RollupDirtyDocument>(ROLLUP_COLLECTIONS.dirty)
        .find(Object.keys(hull).length > 0 ? { _id: hull } : {}, { maxTimeMS: this.maxTimeMS })
        .project<{ _id: Date }>({ _id: 1 })
        .sort({ _id: 1 })
        .limit(MAX_DIRTY_BUCKETS + 1)
        .toArray(),
    ]);
    // Not built yet, or built before the coarser tiers: live until the next refresh rebuilds it.
    if (!state || state.tiers !== ROLLUP_TIERS_VERSION) return null;
    const tiers = ROLLUP_TIERS;
    const watermark = state.watermark.getTime();
    const endCandidate = input.to ? floorToRollupBucket(input.to).getTime() : watermark;
    const end = Math.min(endCandidate, watermark);
    if (fromCeil !== undefined && fromCeil >= end) return null;
    if (dirtyMarks.length > MAX_DIRTY_BUCKETS) return null;
    const dirty = dirtyMarks.map((mark) => mark._id.getTime());

    // Without a start: from the first rollup bucket (or dirty mark), as nothing lies before it.
    const start = fromCeil ?? (await this.firstBucket(dirty));
    if (start === undefined || start >= end) return null;
    if (boundaries && (boundaries[0]! > start || boundaries.at(-1)! < end)) return null;

    const intervals: [number, number][] = boundaries
      ? boundaries
          .slice(0, -1)
          .map((at, i): [number, number] => [Math.max(at, start), Math.min(boundaries[i + 1]!, end)])
      : [[start, end]];
    const context = { tiers, watermark, dirty };
    /** Per tier: unit start → the answer intervals it is added to (+1) or subtracted from (−1). */
    const uses = tiers.map(() => new Map<number, { interval: number; sign: 1 | -1 }[]>());
    const rawQuarters: number[] = [];
    intervals.forEach(([from, to], interval) => {
      if (from >= to) return;
      const { pieces, raw } = decomposeInterval(from, to, context);
      rawQuarters.push(...raw);
      for (const piece of pieces) {
        const byStart = uses[piece.tier]!;
        const list = byStart.get(piece.start) ?? [];
        list.push({ interval, sign: piece.sign });
        byStart.set(piece.start, list);
      }
    });

    const rawRanges: Document[] = [];
    if (input.from && fromCeil !== undefined && input.from.getTime() < fromCeil)
      rawRanges.push({ $gte: input.from, $lt: new Date(fromCeil) });
    if (!input.to || end < input.to.getTime())
      rawRanges.push({ $gte: new Date(end), ...(input.to ? { $lt: input.to } : {}) });
    for (const quarter of rawQuarters) {
      rawRanges.push({ $gte: new Date(quarter), $lt: new Date(quarter + ROLLUP_BUCKET_MS) });
    }

    const measures = Object.keys(accumulators);
    const dimensionKeys = input.dimensions.map((_, i) => `d${i}`);
    const tierReads = tiers.map(async (tier, level) => {
      const starts = [...uses[level]!.keys()].sort((a, b) => a - b);
      if (starts.length === 0) return [];
      // Rows are few (units × combinations of the answer's dimensions): one batch, no getMore.
      const rows = await aggregateAll(
        this.db,
        tier.collection,
        [
          { $match: and({ bucket: unitsCondition(tier, starts) }, input.filter) },
          {
            $group: {
              _id: {
                unit: "$bucket",
                ...Object.fromEntries(
                  input.dimensions.map((dimension, i) => [dimensionKeys[i], dimension.path]),
                ),
              },
              ...accumulators,
              [ALERTS]: { $sum: "$count" },
            },
          },
        ],
        this.maxTimeMS,
      );
      return rows.flatMap((row) => {
        const id = row._id as Record<string, unknown>;
        const values = [...measures, ALERTS].map((name) => Number(row[name] ?? 0));
        return (uses[level]!.get((id.unit as Date).getTime()) ?? []).map(({ interval, sign }) => ({
          interval,
          dimensionValues: dimensionKeys.map((key) => id[key]),
          values: values.map((value) => sign * value),
        }));
      });
    });

    const bucketOf = (field: string) =>
      input.bucket
        ? {
            field,
            unit: input.bucket.unit,
            timezone: input.bucket.timezone,
            weekStart: input.bucket.weekStart,
          }
        : undefined;
    const intervalOf = new Map((boundaries ?? []).map((at, i) => [at, i]));
    const rawReads = rawMatches(rawRanges).map((time) =>
      aggregateAll(
        this.db,
        COLLECTIONS.alerts,
        metricsPipeline({
          match: and(time, input.filter),
          bucket: bucketOf("$timestamp"),
          dimensions: input.dimensions,
          accumulators: { ...input.accumulators, [ALERTS]: { $sum: 1 } },
        }),
        this.maxTimeMS,
      ).then((rows) =>
        rows.map((row) => ({
          interval: row.bucket instanceof Date ? (intervalOf.get(row.bucket.getTime()) ?? -1) : 0,
          dimensionValues: input.dimensions.map((dimension) => row[dimension.name]),
          values: [...measures, ALERTS].map((name) => Number(row[name] ?? 0)),
        })),
      ),
    );

    const contributions = (await Promise.all([...tierReads, ...rawReads])).flat();
    if (contributions.some((contribution) => contribution.interval < 0)) return null;
    const rows = sumContributions(contributions, {
      bucketStarts: boundaries,
      dimensions: input.dimensions,
      measures,
    });
    return {
      rows: input.limit === undefined ? rows : rows.slice(0, input.limit),
      source: rawRanges.length > 0 ? MetricSource.MIXED : MetricSource.ROLLUP,
    };
  }

  /** The first quarter hour the rollup or a dirty mark knows of (undefined: none). */
  private async firstBucket(dirty: readonly number[]): Promise<number | undefined> {
    const first = await this.db
      .collection<{ bucket: Date }>(ROLLUP_COLLECTIONS.rollups)
      .find({}, { maxTimeMS: this.maxTimeMS })
      .project<{ bucket: Date }>({ _id: 0, bucket: 1 })
      .sort({ bucket: 1 })
      .limit(1)
      .next();
    const candidates = [...(first ? [first.bucket.getTime()] : []), ...dirty.slice(0, 1)];
    return candidates.length === 0 ? undefined : Math.min(...candidates);
  }
}

interface Contribution {
  interval: number;
  dimensionValues: unknown[];
  /** The measures, then the hidden alert count. */
  values: number[];
}

/** Contributions summed per answer bucket and combination, as metricsPipeline's rows, in its order. */
function sumContributions(
  contributions: readonly Contribution[],
  shape: {
    bucketStarts: readonly number[] | null;
    dimensions: readonly MetricDimension[];
    measures: readonly string[];
  },
): Record<string, unknown>[] {
  const sums = new Map<string, Contribution>();
  for (const contribution of contributions) {
    const key = JSON.stringify([contribution.interval, ...contribution.dimensionValues.map(keyOf)]);
    const existing = sums.get(key);
    if (!existing) sums.set(key, { ...contribution, values: [...contribution.values] });
    else contribution.values.forEach((value, i) => (existing.values[i]! += value));
  }
  const rows: Record<string, unknown>[] = [];
  for (const sum of sums.values()) {
    if (sum.values.at(-1)! <= 0) continue;
    const row: Record<string, unknown> = {};
    if (shape.bucketStarts) row.bucket = new Date(shape.bucketStarts[sum.interval]!);
    shape.dimensions.forEach((dimension, i) => (row[dimension.name] = sum.dimensionValues[i]));
    shape.measures.forEach((measure, i) => (row[measure] = sum.values[i]));
    rows.push(row);
  }
  return rows.sort(compareMetricRows(shape.dimensions));
}

/** One aggregation, its answer in one batch (rollup reads group to few rows). */
function aggregateAll(
  db: Db,
  collection: string,
  pipeline: Document[],
  maxTimeMS: number,
): Promise<Document[]> {
  return db.collection(collection).aggregate(pipeline, { maxTimeMS, batchSize: 100_000 }).toArray();
}

/** Raw reads with more time ranges than this share one `$or` aggregation. */
const MAX_SEPARATE_RAW_READS = 4;

/**
 * The `$match` time conditions of the raw reads: adjacent ranges joined, and one read per
 * range while there are few (a single range is served by the timestamp index, an `$or` of
 * ranges may not be); the rest together.
 */
function rawMatches(ranges: readonly Document[]): Document[] {
  const joined: Document[] = [];
  for (const range of [...ranges].sort((a, b) => (a.$gte as Date).getTime() - (b.$gte as Date).getTime())) {
    const previous = joined.at(-1);
    if (previous?.$lt instanceof Date && previous.$lt.getTime() === (range.$gte as Date).getTime()) {
      joined[joined.length - 1] = {
        $gte: previous.$gte as Date,
        ...(range.$lt ? { $lt: range.$lt as Date } : {}),
      };
    } else joined.push(range);
  }
  const separate = joined.slice(0, MAX_SEPARATE_RAW_READS - 1);
  const rest = joined.slice(MAX_SEPARATE_RAW_READS - 1);
  const matches: Document[] = separate.map((range) => ({ timestamp: range }));
  if (rest.length === 1) matches.push({ timestamp: rest[0]! });
  else if (rest.length > 1) matches.push({ $or: rest.map((range) => ({ timestamp: range })) });
  return matches;
}

function and(first: Document, filter: Document): Document {
  return Object.keys(filter).length === 0 ? first : { $and: [first, filter] };
}
