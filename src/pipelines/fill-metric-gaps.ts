import type { MetricDimension, MetricRowBase } from "./metric-dimension";
import { compareCombinations } from "./metric-row-order";

/**
 * Adds a zero row for every bucket of the range and every dimension combination present
 * in `rows`, so that each combination's series is complete; ordered by bucket, then
 * combination (compareCombinations). `zero` builds the row of an empty bucket.
 *
 * Done here rather than with `$densify`: `$densify` has no time zone and steps in UTC,
 * so from a Berlin local midnight "+1 day" lands an hour off local midnight after a DST
 * change. The buckets come from ZonedCalendar, which computes what `$dateTrunc` does.
 */
export function fillMetricGaps<TRow extends MetricRowBase>(
  rows: readonly TRow[],
  buckets: readonly Date[],
  dimensions: readonly MetricDimension[],
  zero: (bucket: Date, combination: TRow) => TRow,
): TRow[] {
  const combinationKey = (row: MetricRowBase): string =>
    JSON.stringify(dimensions.map((dimension) => keyOf(row[dimension.name])));
  const combinations = new Map<string, TRow>();
  const byBucket = new Map<number, Map<string, TRow>>();
  for (const row of rows) {
    const key = combinationKey(row);
    if (!combinations.has(key)) combinations.set(key, row);
    const time = row.bucket!.getTime();
    let byCombination = byBucket.get(time);
    if (!byCombination) byBucket.set(time, (byCombination = new Map()));
    byCombination.set(key, row);
  }
  const ordered = [...combinations.entries()].sort(([, a], [, b]) => compareCombinations(dimensions)(a, b));
  // A bucket the database returned but the calendar did not list would mean the two
  // disagree on bucket starts; keep its rows rather than lose counts.
  const starts = new Set(buckets.map((bucket) => bucket.getTime()));
  for (const time of byBucket.keys()) starts.add(time);

  const filled: TRow[] = [];
  for (const start of [...starts].sort((a, b) => a - b)) {
    const present = byBucket.get(start);
    for (const [key, combination] of ordered) {
      filled.push(present?.get(key) ?? zero(new Date(start), combination));
    }
  }
  return filled;
}

/** A stable key for a dimension value (ObjectIds by hex, null and missing alike). */
export function keyOf(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && typeof (value as { toHexString?: unknown }).toHexString === "function") {
    return (value as { toHexString(): string }).toHexString();
  }
  if (value instanceof Date) return value.getTime();
  return value;
}
