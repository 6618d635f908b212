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
 * What each relative range spans: the hours before now, the local days ending with today,
 * or the whole calendar period `back` periods before the current one.
 */
const RELATIVE_RANGE_SPANS: Record<
  RelativeRange,
  { hours: number } | { days: number } | { unit: TimeGranularity; back: number }
> = {
  last_24_hours: { hours: 24 },
  last_7_days: { days: 7 },
  last_30_days: { days: 30 },
  last_90_days: { days: 90 },
  today: { unit: "day", back: 0 },
  yesterday: { unit: "day", back: 1 },
  this_week: { unit: "week", back: 0 },
  last_week: { unit: "week", back: 1 },
  this_month: { unit: "month", back: 0 },
  last_month: { unit: "month", back: 1 },
  this_quarter: { unit: "quarter", back: 0 },
  last_quarter: { unit: "quarter", back: 1 },
  this_year: { unit: "year", back: 0 },
  last_year: { unit: "year", back: 1 },
};

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
    const span = RELATIVE_RANGE_SPANS[input.relative];
    if ("hours" in span) {
      const ms = span.hours * HOUR_MS;
      return { from: new Date(now.getTime() - ms), to: now, period: { ms } };
    }
    if ("days" in span) return lastDays(span.days);
    return calendarPeriod(span.unit, span.back);
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
