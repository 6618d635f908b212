/**
 * Width of a time bucket: a `$dateTrunc` unit. The one definition for every analytics
 * query; `alertTrends` offers the first four (TrendGranularity), the metrics API all.
 */
export const TIME_GRANULARITIES = ["hour", "day", "week", "month", "quarter", "year"] as const;
export type TimeGranularity = (typeof TIME_GRANULARITIES)[number];

/** The granularities of `alertTrends`. */
export const TREND_GRANULARITIES = [
  "hour",
  "day",
  "week",
  "month",
] as const satisfies readonly TimeGranularity[];
export type TrendGranularity = (typeof TREND_GRANULARITIES)[number];

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The days of the week in ISO order (index 0 is ISO weekday 1), spelt as `$dateTrunc`'s `startOfWeek`. */
export const WEEKDAYS = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `$dateTrunc`'s `startOfWeek` spelling of an ISO weekday. */
export const START_OF_WEEK: Readonly<Record<IsoWeekday, Weekday>> = {
  1: "monday",
  2: "tuesday",
  3: "wednesday",
  4: "thursday",
  5: "friday",
  6: "saturday",
  7: "sunday",
};
