import type { Document } from "mongodb";
import type { MetricDimension } from "./metric-dimension";
import { START_OF_WEEK, type IsoWeekday, type TimeGranularity } from "./time-granularity";

/** Time buckets: `$dateTrunc` of `field` in `timezone`. */
export interface MetricBucketSpec {
  /** Field path of the instant, e.g. "$timestamp". */
  field: string;
  unit: TimeGranularity;
  /** An IANA zone MongoDB knows (see resolveTimeZone). */
  timezone: string;
  /** Weeks only (default Monday). */
  weekStart?: IsoWeekday;
}

/** Everything one grouped aggregation needs; built by the repository from a validated query. */
export interface MetricsPipelineInput {
  /** First stage, so that an index on the filtered fields (the time field first) serves it. */
  match: Document;
  bucket?: MetricBucketSpec;
  dimensions: readonly MetricDimension[];
  /** `$group` accumulators by output field: only the measures the caller selected. */
  accumulators: Readonly<Record<string, Document>>;
  /** Fields computed from the `_id` and the accumulators after grouping (e.g. labels, ratios). */
  computed?: Readonly<Record<string, unknown>>;
  /** Dimensions in the order rows are sorted by (default: `dimensions`). */
  sortBy?: readonly MetricDimension[];
  /** At most this many rows come back (a `$limit` after the sort). */
  limit?: number;
}

/**
 * The one pipeline builder of the analytics API: $match → ($unwind) → $group by bucket
 * and dimensions → $project flat rows → $sort by bucket then semantic rank. Serves
 * alertMetrics, caseMetrics and caseBacklog as well as caseStatistics, alertTrends and
 * alertSeverityBreakdown.
 *
 * - Buckets follow the wall clock of the zone: `$dateTrunc` with `timezone` (and
 *   `startOfWeek` for weeks), so a day is 23 or 25 hours across DST and days start at
 *   local midnight in Asia/Kolkata, Asia/Kathmandu or America/St_Johns.
 * - A single dimension without buckets is grouped by its value itself (`_id: "$severity"`).
 * - Ordered dimensions sort on a rank projected with `$indexOfArray` (descending, unknown
 *   values -1 last); the raw values break the remaining ties, so the order is total.
 */
export function metricsPipeline(input: MetricsPipelineInput): Document[] {
  const stages: Document[] = [{ $match: input.match }];
  for (const dimension of input.dimensions) {
    if (dimension.unwind) stages.push({ $unwind: dimension.path });
  }

  const scalarId = !input.bucket && input.dimensions.length === 1;
  let id: unknown;
  if (scalarId) id = input.dimensions[0]!.expression ?? input.dimensions[0]!.path;
  else if (!input.bucket && input.dimensions.length === 0) id = null;
  else {
    const fields: Document = {};
    if (input.bucket) fields.bucket = dateTrunc(input.bucket);
    for (const dimension of input.dimensions) fields[dimension.name] = dimension.expression ?? dimension.path;
    id = fields;
  }
  stages.push({ $group: { _id: id, ...input.accumulators } });

  const sortBy = input.sortBy ?? input.dimensions;
  const ranked = sortBy.filter((dimension) => dimension.order);
  const project: Document = { _id: 0 };
  if (input.bucket) project.bucket = "$_id.bucket";
  for (const dimension of input.dimensions) {
    project[dimension.name] = scalarId ? "$_id" : `$_id.${dimension.name}`;
  }
  for (const field of Object.keys(input.accumulators)) project[field] = 1;
  Object.assign(project, input.computed ?? {});
  for (const dimension of ranked) {
    project[rankField(dimension)] = {
      $indexOfArray: [[...dimension.order!].reverse(), project[dimension.name]],
    };
  }
  stages.push({ $project: project });

  const sort: Document = {};
  if (input.bucket) sort.bucket = 1;
  for (const dimension of sortBy)
    sort[dimension.order ? rankField(dimension) : dimension.name] = dimension.order ? -1 : 1;
  for (const dimension of ranked) sort[dimension.name] = 1;
  if (Object.keys(sort).length > 0) stages.push({ $sort: sort });
  if (ranked.length > 0) {
    stages.push({ $project: Object.fromEntries(ranked.map((dimension) => [rankField(dimension), 0])) });
  }
  if (input.limit !== undefined) stages.push({ $limit: input.limit });
  return stages;
}

/** `$dateTrunc` of the bucket spec; `startOfWeek` only for weeks, as mongod ignores it otherwise. */
export function dateTrunc(bucket: MetricBucketSpec): Document {
  return {
    $dateTrunc: {
      date: bucket.field,
      unit: bucket.unit,
      timezone: bucket.timezone,
      ...(bucket.unit === "week" ? { startOfWeek: START_OF_WEEK[bucket.weekStart ?? 1] } : {}),
    },
  };
}

function rankField(dimension: MetricDimension): string {
  return `${dimension.name}Rank`;
}
