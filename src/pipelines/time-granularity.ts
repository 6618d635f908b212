/**
 * Width of a time bucket: a `$dateTrunc` unit. The one definition for every analytics
 * query; `alertTrends` offers the first four (TrendGranularity), the metrics API all.
 */
export type TimeGranularity = "hour" | "day" | "week" | "month" | "quarter" | "year";

export const TIME_GRANULARITIES: readonly TimeGranularity[] = [
  "hour",
  "day",
  "week",
  "month",
  "quarter",
  "year",
];

/** The granularities of `alertTrends`. */
export type TrendGranularity = Extract<TimeGranularity, "hour" | "day" | "week" | "month">;

export const TREND_GRANULARITIES: readonly TrendGranularity[] = ["hour", "day", "week", "month"];

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** `$dateTrunc`'s `startOfWeek` spelling of an ISO weekday. */
export const START_OF_WEEK: Readonly<Record<IsoWeekday, string>> = {
  1: "monday",
  2: "tuesday",
  3: "wednesday",
  4: "thursday",
  5: "friday",
  6: "saturday",
  7: "sunday",
};
