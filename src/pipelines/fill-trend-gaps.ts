import type { AlertTrendRow } from "./alert-trends.pipeline";
import type { ZonedCalendar } from "./zoned-calendar";

/**
 * Adds a zero row for every bucket of the window and every type present in `rows`, so
 * that each type's series is complete, ordered by bucket then type.
 *
 * Done here rather than with `$densify`: `$densify` has no time zone and steps in UTC,
 * so from a Berlin local midnight "+1 day" lands an hour off local midnight after a DST
 * change. The buckets come from ZonedCalendar, which computes what `$dateTrunc` does.
 */
export function fillTrendGaps(
  rows: readonly AlertTrendRow[],
  buckets: readonly Date[],
  calendar: ZonedCalendar,
): AlertTrendRow[] {
  const types = [...new Set(rows.map((row) => row.type))].sort(compareStrings);
  const byBucket = new Map<number, Map<string, AlertTrendRow>>();
  for (const row of rows) {
    const key = row.bucket.getTime();
    let byType = byBucket.get(key);
    if (!byType) byBucket.set(key, (byType = new Map()));
    byType.set(row.type, row);
  }
  // A bucket the database returned but the calendar did not list would mean the two
  // disagree on bucket starts; keep its rows rather than lose counts.
  const starts = new Set(buckets.map((bucket) => bucket.getTime()));
  for (const key of byBucket.keys()) starts.add(key);

  const filled: AlertTrendRow[] = [];
  for (const start of [...starts].sort((a, b) => a - b)) {
    const byType = byBucket.get(start);
    const bucket = new Date(start);
    const date = calendar.localDate(bucket);
    for (const type of types) {
      filled.push(byType?.get(type) ?? { bucket, date, type, count: 0 });
    }
  }
  return filled;
}

/**
 * Binary order, as MongoDB's $sort compares strings without a collation; the same as
 * JavaScript's < for the ASCII type names alerts carry.
 */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
