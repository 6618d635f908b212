import fc from "fast-check";
import {
  ALERT_DIMENSIONS,
  type AlertMetricsQuery,
  type Granularity,
  type RelativeName,
  WEEKDAYS,
} from "./metric-reference";

/** compareTo of a random metrics query: none, the previous period or the previous year. */
export const comparisonArbitrary = fc.option(
  fc.constantFrom("PREVIOUS_PERIOD" as const, "PREVIOUS_YEAR" as const),
);

/**
 * The bucketing fields of a random alertMetrics query record: up to two alert dimensions, a
 * granularity or none, a zone of `zones` and a week start.
 */
export function alertBucketingArbitraries(zones: readonly string[]) {
  return {
    groupBy: fc.shuffledSubarray(Object.keys(ALERT_DIMENSIONS), { maxLength: 2 }),
    granularity: fc.option(fc.constantFrom<Granularity>("HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR")),
    timezone: fc.constantFrom(...zones),
    weekStartsOn: fc.constantFrom(...WEEKDAYS),
  };
}

/** top of a random metrics query (one time in four: none): one of `measures`, 1 to 3 rows, with or without "other". */
export function topArbitrary<TMeasure extends string>(measures: readonly TMeasure[]) {
  return fc.option(
    fc.record({
      measure: fc.constantFrom(...measures),
      limit: fc.integer({ min: 1, max: 3 }),
      withOther: fc.boolean(),
    }),
    { freq: 3 },
  );
}

/** The fields of a drawn alertMetrics query record, before its range is settled. */
export interface DrawnAlertMetricsQuery<TFilter> {
  groupBy: string[];
  granularity: Granularity | null;
  timezone: string;
  weekStartsOn: string;
  relative: RelativeName | null;
  now: number;
  compareTo: AlertMetricsQuery["compareTo"];
  fillGaps: boolean;
  top: AlertMetricsQuery["top"];
  filter: TFilter;
}

/**
 * The alertMetrics query a drawn record stands for: a relative range only with buckets of a
 * day or more (hourly answers stay small), else the absolute range `absolute(hourly)` gives.
 */
export function alertMetricsQueryOf<TFilter>(
  q: DrawnAlertMetricsQuery<TFilter>,
  absolute: (hourly: boolean) => { from: string; to: string },
): AlertMetricsQuery & { filter: TFilter } {
  const hourly = q.granularity === "HOUR";
  const relative = hourly ? null : q.relative;
  return {
    groupBy: q.groupBy,
    timeBucket: q.granularity
      ? { granularity: q.granularity, timezone: q.timezone, weekStartsOn: q.weekStartsOn }
      : null,
    range: relative ? { relative } : absolute(hourly),
    now: q.now,
    compareTo: q.compareTo,
    fillGaps: q.fillGaps,
    top: q.top,
    filter: q.filter,
  };
}
