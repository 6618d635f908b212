import { BadUserInputError } from "../errors/gateway-error";
import type { IsoWeekday, TimeGranularity } from "./time-granularity";
import { assertValidDate, DEFAULT_TREND_WINDOW_MS } from "./trend-window";
import type { ZonedCalendar } from "./zoned-calendar";

/** Ranges named relative to now, in the calendar of the query's time zone. */
export const RELATIVE_RANGES = [
  "last_24_hours",
  "last_7_days",
  "last_30_days",
  "last_90_days",
  "today",
  "yesterday",
  "this_week",
  "last_week",
  "this_month",
  "last_month",
  "this_quarter",
  "last_quarter",
  "this_year",
  "last_year",
] as const;
export type RelativeRange = (typeof RELATIVE_RANGES)[number];

/** How far back the comparison period lies. */
export const METRIC_COMPARISONS = ["previous_period", "previous_year"] as const;
export type MetricComparison = (typeof METRIC_COMPARISONS)[number];

export interface MetricRangeInput {
  from?: Date;
  to?: Date;
  relative?: RelativeRange;
  /** The clock: relative ranges and missing ends are taken from it. */
  now: Date;
  calendar: ZonedCalendar;
  /** Weeks of THIS_WEEK / LAST_WEEK start on this day. */
  weekStart: IsoWeekday;
}

/**
 * [from, to) and the length of one period, in calendar terms where the range is a
 * calendar period (so that the previous month of March is all of February).
 */
export interface MetricRange {
  from: Date;
  to: Date;
  period: { months: number; days: number } | { ms: number };
}

const HOUR_MS = 3_600_000;

/**
 * Resolves a TimeRangeInput:
 * - `relative`: LAST_24_HOURS is the 24 hours before now; LAST_n_DAYS the n local days
 *   ending with today (from local midnight n-1 days ago to now); TODAY … THIS_YEAR the whole
 *   current local day, week, month, quarter or year; YESTERDAY … LAST_YEAR the one before.
 * - `from`/`to`: as given (to defaults to now, from to to - 7 days);
 * - nothing: the last 7 days (as alertTrends).
 * BAD_USER_INPUT naming `range` for both `relative` and `from`/`to`, or from after to.
 */
export function resolveMetricRange(input: MetricRangeInput): MetricRange {
  const { calendar, now } = input;
  if (input.relative) {
    if (input.from || input.to) {
      throw new BadUserInputError("range: give either relative or from/to, not both", { argument: "range" });
    }
    const calendarPeriod = (unit: TimeGranularity, back: number): MetricRange => {
      let from = calendar.startOf(now, unit, input.weekStart);
      for (let i = 0; i < back; i++)
        from = calendar.startOf(new Date(from.getTime() - 1), unit, input.weekStart);
      const months = unit === "month" ? 1 : unit === "quarter" ? 3 : unit === "year" ? 12 : 0;
      const days = unit === "day" ? 1 : unit === "week" ? 7 : 0;
      return { from, to: calendar.next(from, unit), period: { months, days } };
    };
    const lastDays = (days: number): MetricRange => ({
      from: calendar.shift(calendar.startOf(now, "day"), 0, -(days - 1)),
      to: now,
      period: { months: 0, days },
    });
    switch (input.relative) {
      case "last_24_hours":
        return { from: new Date(now.getTime() - 24 * HOUR_MS), to: now, period: { ms: 24 * HOUR_MS } };
      case "last_7_days":
        return lastDays(7);
      case "last_30_days":
        return lastDays(30);
      case "last_90_days":
        return lastDays(90);
      case "today":
        return calendarPeriod("day", 0);
      case "yesterday":
        return calendarPeriod("day", 1);
      case "this_week":
        return calendarPeriod("week", 0);
      case "last_week":
        return calendarPeriod("week", 1);
      case "this_month":
        return calendarPeriod("month", 0);
      case "last_month":
        return calendarPeriod("month", 1);
      case "this_quarter":
        return calendarPeriod("quarter", 0);
      case "last_quarter":
        return calendarPeriod("quarter", 1);
      case "this_year":
        return calendarPeriod("year", 0);
      case "last_year":
        return calendarPeriod("year", 1);
    }
  }
  const to = input.to ?? now;
  const from = input.from ?? new Date(to.getTime() - DEFAULT_TREND_WINDOW_MS);
  assertValidDate(from, "range.from");
  assertValidDate(to, "range.to");
  if (from.getTime() > to.getTime()) {
    throw new BadUserInputError(
      `range: from (${from.toISOString()}) must not be after to (${to.toISOString()})`,
      { argument: "range" },
    );
  }
  return { from, to, period: { ms: to.getTime() - from.getTime() } };
}

/**
 * The comparison period: the previous period (a calendar period back for calendar ranges,
 * the same duration back otherwise) or the same local dates a year earlier.
 */
export function comparisonRange(
  range: MetricRange,
  comparison: MetricComparison,
  calendar: ZonedCalendar,
): { from: Date; to: Date } {
  if (comparison === "previous_year") {
    return { from: calendar.shift(range.from, -12), to: calendar.shift(range.to, -12) };
  }
  const { period } = range;
  if ("ms" in period) {
    return { from: new Date(range.from.getTime() - period.ms), to: new Date(range.to.getTime() - period.ms) };
  }
  return {
    from: calendar.shift(range.from, -period.months, -period.days),
    to: calendar.shift(range.to, -period.months, -period.days),
  };
}
