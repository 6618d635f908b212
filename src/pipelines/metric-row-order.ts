import type { MetricDimension, MetricRowBase } from "./metric-dimension";

/**
 * The order of metric rows, as the pipeline's `$sort` gives it (see metricsPipeline):
 * bucket, then each dimension in groupBy order, by its semantic rank where it has one
 * (unknown values last), else by value. For rows the database did not return (zero-filled gaps, the `other` rows).
 */
export function compareMetricRows(
  dimensions: readonly MetricDimension[],
): (a: MetricRowBase, b: MetricRowBase) => number {
  return (a, b) => {
    const byBucket = (a.bucket?.getTime() ?? 0) - (b.bucket?.getTime() ?? 0);
    if (byBucket !== 0) return byBucket;
    return compareCombinations(dimensions)(a, b);
  };
}

/** The same order without the bucket: the order of dimension combinations. */
export function compareCombinations(
  dimensions: readonly MetricDimension[],
): (a: MetricRowBase, b: MetricRowBase) => number {
  return (a, b) => {
    // As metricsPipeline's $sort: each dimension in turn, by rank where it has an order;
    // the raw values of ranked dimensions only break ties between unknown values.
    for (const dimension of dimensions) {
      const byKey = dimension.order
        ? rankOf(dimension.order, b[dimension.name]) - rankOf(dimension.order, a[dimension.name])
        : compareValues(a[dimension.name], b[dimension.name]);
      if (byKey !== 0) return byKey;
    }
    for (const dimension of dimensions) {
      if (!dimension.order) continue;
      const byValue = compareValues(a[dimension.name], b[dimension.name]);
      if (byValue !== 0) return byValue;
    }
    return 0;
  };
}

/** Higher is earlier; -1 for a value outside the order, as `$indexOfArray` gives it. */
export function rankOf(order: readonly string[], value: unknown): number {
  const index = typeof value === "string" ? order.indexOf(value) : -1;
  return index < 0 ? -1 : order.length - 1 - index;
}

/**
 * MongoDB's order for the values dimensions hold: null first, then numbers, strings
 * (binary, as without a collation), ObjectIds, booleans (false first), dates.
 */
function compareValues(a: unknown, b: unknown): number {
  const ta = typeRank(a);
  const tb = typeRank(b);
  if (ta !== tb) return ta - tb;
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === "number") return 1;
  if (typeof value === "string") return 2;
  if (typeof value === "boolean") return 4;
  if (value instanceof Date) return 5;
  return 3; // ObjectId
}

function sortKey(value: unknown): string | number {
  if (value === null || value === undefined) return 0;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  if (typeof value === "string") return value;
  return String((value as { toHexString?: () => string }).toHexString?.() ?? value);
}
