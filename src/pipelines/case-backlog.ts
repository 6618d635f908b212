import type { Document } from "mongodb";
import { fillMetricGaps } from "./fill-metric-gaps";
import type { MetricDimension, MetricRowBase } from "./metric-dimension";
import { dateTrunc, type MetricBucketSpec } from "./metrics.pipeline";

/** Backlog measures of one bucket and combination. */
export interface BacklogValues {
  /** Cases created before the bucket's end and not resolved by then. */
  open: number;
  /** Cases created during the bucket. */
  opened: number;
  /** Cases resolved during the bucket. */
  resolved: number;
}

export interface BacklogRow extends MetricRowBase, BacklogValues {
  bucket: Date;
}

/** Grouping dimensions of the backlog: the bucket a case was opened in and the one it was resolved in. */
export function backlogBucketDimensions(bucket: Omit<MetricBucketSpec, "field">): MetricDimension[] {
  return [
    { name: "openedIn", path: "$created_at", expression: dateTrunc({ ...bucket, field: "$created_at" }) },
    // null for unresolved cases: $dateTrunc of null is null.
    { name: "resolvedIn", path: "$resolved_at", expression: dateTrunc({ ...bucket, field: "$resolved_at" }) },
  ];
}

/**
 * The cases that matter to a backlog over [from, to): created before `to` and not
 * resolved before `from` (a missing resolved_at counts as unresolved).
 */
export function backlogMatch(from: Date, to: Date): Document {
  return { created_at: { $lt: to }, $or: [{ resolved_at: null }, { resolved_at: { $gte: from } }] };
}

/**
 * From groups of (dimensions, bucket opened in, bucket resolved in, count) to one row per
 * bucket and combination: opened and resolved in the bucket, and open at its end.
 * `buckets` are the starts of whole buckets covering the range, in order.
 */
export function backlogRows(
  groups: readonly Record<string, unknown>[],
  buckets: readonly Date[],
  dimensions: readonly MetricDimension[],
): BacklogRow[] {
  const index = new Map(buckets.map((bucket, i) => [bucket.getTime(), i]));
  const first = buckets[0]?.getTime() ?? 0;
  const positionOf = (value: unknown, none: number): number => {
    if (!(value instanceof Date)) return none;
    if (value.getTime() < first) return -1;
    return index.get(value.getTime()) ?? buckets.length;
  };
  const rows = new Map<string, BacklogRow>();
  const rowOf = (bucketIndex: number, group: Record<string, unknown>): BacklogRow => {
    const combination = dimensions.map((dimension) => group[dimension.name] ?? null);
    const key = `${bucketIndex}|${JSON.stringify(combination)}`;
    let row = rows.get(key);
    if (!row) {
      row = { bucket: buckets[bucketIndex]!, open: 0, opened: 0, resolved: 0 };
      dimensions.forEach((dimension, i) => (row![dimension.name] = combination[i]));
      rows.set(key, row);
    }
    return row;
  };
  for (const group of groups) {
    const count = Number(group.count ?? 0);
    const opened = positionOf(group.openedIn, -1);
    const resolved = positionOf(group.resolvedIn, buckets.length);
    if (opened >= 0 && opened < buckets.length) rowOf(opened, group).opened += count;
    if (resolved >= 0 && resolved < buckets.length) rowOf(resolved, group).resolved += count;
    for (let k = Math.max(opened, 0); k < Math.min(resolved, buckets.length); k++)
      rowOf(k, group).open += count;
  }
  return fillMetricGaps([...rows.values()], buckets, dimensions, (bucket, combination) => {
    const zero: BacklogRow = { bucket, open: 0, opened: 0, resolved: 0 };
    for (const dimension of dimensions) zero[dimension.name] = combination[dimension.name];
    return zero;
  });
}
