import type { Document } from "mongodb";
import type { MetricDimension, MetricRowBase } from "./metric-dimension";

export interface MetricRowFilterInput {
  /** The query's filter (without its range). */
  filter: Document;
  /** The stored field the range and buckets apply to, e.g. "timestamp". */
  timeField: string;
  from: Date;
  to: Date;
  /** The row's bucket [start, end); null without time buckets. */
  bucket: { start: Date; end: Date } | null;
  dimensions: readonly MetricDimension[];
  row: MetricRowBase & { other: boolean };
  /** For an `other` row: the combinations it excludes (those top kept). */
  keptCombinations: readonly MetricRowBase[];
}

/**
 * The documents behind one metric row, as a filter: the query's filter, the part of the
 * range inside the row's bucket, and the row's dimension values (for an `other` row:
 * none of the kept combinations). A TAG value matches the cases carrying that tag.
 */
export function metricRowFilter(input: MetricRowFilterInput): Document {
  const from = input.bucket && input.bucket.start > input.from ? input.bucket.start : input.from;
  const to = input.bucket && input.bucket.end < input.to ? input.bucket.end : input.to;
  const conditions: Document[] = [input.filter, { [input.timeField]: { $gte: from, $lt: to } }];
  const equals = (combination: MetricRowBase): Document =>
    Object.fromEntries(
      input.dimensions.map((dimension) => [dimension.path.slice(1), combination[dimension.name] ?? null]),
    );
  if (input.row.other) {
    if (input.keptCombinations.length > 0) conditions.push({ $nor: input.keptCombinations.map(equals) });
  } else if (input.dimensions.length > 0) {
    conditions.push(equals(input.row));
  }
  return { $and: conditions };
}
