/**
 * How many items a list field without `first` can return, for the cost limit: its
 * real bound, computed from its arguments where they decide it. Keyed by
 * "ParentType.field". Every list of objects in the schema is either paged (`first`)
 * or listed here; test/protections/cost-formula.test.ts checks that.
 */
export type ListBound = (args: Record<string, unknown>) => number;

const HOUR_MS = 3_600_000;

/** The window alertTrends covers when neither end is given (src/pipelines/trend-window.ts). */
const DEFAULT_TREND_WINDOW_MS = 7 * 24 * HOUR_MS;

/** The most buckets alertTrends answers (DEFAULT_MAX_TREND_BUCKETS of the analytics repository). */
export const MAX_TREND_BUCKETS = 10_000;

/**
 * Lower bounds on a bucket's length in any time zone: a local hour can be cut short
 * by a DST change (counted by the +2 below), a day by 2 h, weeks and months likewise.
 */
const SHORTEST_BUCKET_MS: Readonly<Record<string, number>> = {
  hour: HOUR_MS,
  day: 22 * HOUR_MS,
  week: (7 * 24 - 2) * HOUR_MS,
  month: (28 * 24 - 2) * HOUR_MS,
};

/**
 * alertTrends without `types` returns a point per bucket for every alert type in the
 * data: a number the request cannot bound. It is priced as this many types (the demo
 * data has 6); name the types to pay for what is asked.
 */
export const TREND_TYPES_WITHOUT_FILTER = 20;

/** Cases per (status × severity): 4 × 4 at most. */
export const CASE_STATISTICS_ROWS = 16;
/** One row per severity. */
export const SEVERITY_ROWS = 4;
/** MongoDB allows at most 64 indexes per collection. */
export const MAX_INDEXES_PER_COLLECTION = 64;
/** The data model's collections (src/db/collection-names.ts). */
export const DATA_MODEL_COLLECTION_COUNT = 6;
/**
 * $currentOp has no bound a request can set (it lists what the server runs now): priced
 * as this many operations. ADMIN only.
 */
export const CURRENT_OPERATIONS_ASSUMED = 100;

/**
 * Upper bounds on a bucket's length (as in src/pipelines/trend-window.ts): a window
 * longer than MAX_TREND_BUCKETS + 1 of these is refused by the analytics repository
 * (BAD_USER_INPUT naming the buckets) before any database command.
 */
const LONGEST_BUCKET_MS: Readonly<Record<string, number>> = {
  hour: HOUR_MS,
  day: 27 * HOUR_MS,
  week: (7 * 24 + 3) * HOUR_MS,
  month: (31 * 24 + 3) * HOUR_MS,
};

/**
 * The number of buckets of an alertTrends window: at most ceil(span / shortest
 * bucket) + 2 (a partial bucket at each end), capped at MAX_TREND_BUCKETS. A window
 * the repository refuses outright for its size returns nothing: 0, so that its own,
 * clearer error reaches the caller.
 */
export function trendBucketBound(args: Record<string, unknown>, now: number = Date.now()): number {
  const to = args.to instanceof Date ? args.to.getTime() : now;
  const from = args.from instanceof Date ? args.from.getTime() : to - DEFAULT_TREND_WINDOW_MS;
  const span = Math.max(0, to - from);
  const granularity = String(args.granularity ?? "day");
  const longest = LONGEST_BUCKET_MS[granularity] ?? HOUR_MS;
  if (!Number.isFinite(span) || span / longest > MAX_TREND_BUCKETS + 1) return 0;
  const shortest = SHORTEST_BUCKET_MS[granularity] ?? HOUR_MS;
  return Math.min(MAX_TREND_BUCKETS, Math.ceil(span / shortest) + 2);
}

export const UNPAGED_LIST_BOUNDS: Readonly<Record<string, ListBound>> = {
  "Query.alertTrends": (args) =>
    trendBucketBound(args) * (Array.isArray(args.types) ? args.types.length : TREND_TYPES_WITHOUT_FILTER),
  "Query.caseStatistics": () => CASE_STATISTICS_ROWS,
  // Live fields answer what their query does, once per change: priced as one answer.
  "Subscription.alertTrendsLive": (args) =>
    trendBucketBound(args) * (Array.isArray(args.types) ? args.types.length : TREND_TYPES_WITHOUT_FILTER),
  "Subscription.caseStatisticsLive": () => CASE_STATISTICS_ROWS,
  "Query.alertSeverityBreakdown": () => SEVERITY_ROWS,
  "Query.indexUsage": () => MAX_INDEXES_PER_COLLECTION,
  "Query.unusedIndexes": () => DATA_MODEL_COLLECTION_COUNT * MAX_INDEXES_PER_COLLECTION,
  "Query.currentOperations": () => CURRENT_OPERATIONS_ASSUMED,
  "CollectionStats.indexes": () => MAX_INDEXES_PER_COLLECTION,
  // The rows of a metrics answer are priced once, at the root field, from its arguments
  // (resolvers/metric-cost.ts: buckets × dimension combinations × drill-down pages);
  // here a row list counts as its children.
  "AlertMetrics.rows": () => 1,
  "CaseMetrics.rows": () => 1,
  "CaseBacklog.rows": () => 1,
};
