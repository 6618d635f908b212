import { expect } from "vitest";
import type { AlertMetricsQuery } from "./metric-reference";
import type { TestGateway } from "./test-gateway";

/** The row fields the reference computes. */
export const ALERT_METRIC_ROW_FIELDS = `bucket bucketLabel type source severity resolved other count resolvedCount unresolvedCount resolvedRatio
  previous { count resolvedCount unresolvedCount resolvedRatio }`;

/** What to select of the answer and of each row. */
export interface AlertMetricsSelection {
  answerFields: string;
  rowFields: string;
}

/**
 * Asks the gateway's alertMetrics over HTTP with the query's arguments (`filter` as given) and
 * expects no error; `setNow` moves the gateway's metrics clock to the query's `now` first.
 */
export async function askAlertMetrics(
  gateway: TestGateway,
  q: AlertMetricsQuery & { filter: unknown },
  setNow: (now: Date) => void,
  selection: AlertMetricsSelection,
) {
  setNow(new Date(q.now));
  const result = await gateway.graphql(
    `query M($groupBy: [AlertDimension!], $timeBucket: TimeBucketInput, $range: TimeRangeInput, $filter: AlertFilter,
             $compareTo: Comparison, $fillGaps: Boolean, $top: TopInput) {
      alertMetrics(groupBy: $groupBy, timeBucket: $timeBucket, range: $range, filter: $filter, compareTo: $compareTo,
                   fillGaps: $fillGaps, top: $top) {
        ${selection.answerFields} rows { ${selection.rowFields} } } }`,
    {
      groupBy: q.groupBy,
      timeBucket: q.timeBucket,
      range: q.range,
      filter: q.filter,
      compareTo: q.compareTo,
      fillGaps: q.fillGaps,
      top: q.top,
    },
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.alertMetrics;
}
