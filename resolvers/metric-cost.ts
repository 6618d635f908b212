import type { ComplexityEstimator } from "graphql-query-complexity";
import { drillDownPageSizes } from "./metric-selection";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Nominal bucket lengths, for an estimate made before anything runs. */
const BUCKET_MS: Readonly<Record<string, number>> = {
  hour: HOUR_MS,
  day: DAY_MS,
  week: 7 * DAY_MS,
  month: 28 * DAY_MS,
  quarter: 90 * DAY_MS,
  year: 365 * DAY_MS,
};
const RELATIVE_MS: Readonly<Record<string, number>> = {
  last_24_hours: DAY_MS,
  last_7_days: 7 * DAY_MS,
  last_30_days: 30 * DAY_MS,
  last_90_days: 90 * DAY_MS,
  today: DAY_MS,
  yesterday: DAY_MS,
  this_week: 7 * DAY_MS,
  last_week: 7 * DAY_MS,
  this_month: 31 * DAY_MS,
  last_month: 31 * DAY_MS,
  this_quarter: 92 * DAY_MS,
  last_quarter: 92 * DAY_MS,
  this_year: 366 * DAY_MS,
  last_year: 366 * DAY_MS,
};
/** Distinct values a dimension may have: the enums' sizes, a guess for free-form ones. */
const DIMENSION_VALUES: Readonly<Record<string, number>> = {
  severity: 4,
  priority: 4,
  status: 4,
  resolved: 2,
};
const FREE_FORM_VALUES = 10;
const MAX_ESTIMATED_ROWS = 10_000;

/**
 * The cost of a metrics query for the cost limit (MAX_COST): its fields, plus for each
 * selected drill-down one page per estimated row, where rows = buckets × combinations
 * (top's limit when given). A query without drill-downs costs what its fields cost.
 */
export const metricsCost: ComplexityEstimator = ({ args, childComplexity, node, context }) => {
  const pageSizes = drillDownPageSizes(
    node,
    (context as { variables?: Record<string, unknown> })?.variables ?? {},
  );
  return 1 + childComplexity + (pageSizes === 0 ? 0 : estimatedRows(args) * pageSizes);
};

function estimatedRows(args: Record<string, unknown>): number {
  const range = args.range as { from?: Date; to?: Date; relative?: string } | undefined;
  const timeBucket = args.timeBucket as { granularity?: string } | undefined;
  let buckets = 1;
  if (timeBucket?.granularity) {
    const span = range?.relative
      ? (RELATIVE_MS[range.relative] ?? 7 * DAY_MS)
      : range?.from && range?.to
        ? Math.max(0, new Date(range.to).getTime() - new Date(range.from).getTime())
        : 7 * DAY_MS;
    buckets = Math.ceil(span / (BUCKET_MS[timeBucket.granularity] ?? DAY_MS)) + 1;
  }
  const top = args.top as { limit?: number; withOther?: boolean } | undefined;
  const groupBy = (args.groupBy as string[] | undefined) ?? [];
  const combinations = top?.limit
    ? top.limit + (top.withOther ? 1 : 0)
    : groupBy.reduce((product, dimension) => product * (DIMENSION_VALUES[dimension] ?? FREE_FORM_VALUES), 1);
  return Math.min(MAX_ESTIMATED_ROWS, buckets * combinations);
}
