import { BadUserInputError } from "../errors/gateway-error";
import type { IsoWeekday, TimeGranularity } from "./time-granularity";
import type { ZonedCalendar } from "./zoned-calendar";

/** The window dashboards get when they name neither end: the last 7 days. */
export const DEFAULT_TREND_WINDOW_MS = 7 * 86_400_000;

export interface TrendWindowInput {
  from?: Date;
  to?: Date;
  now: Date;
  granularity: TimeGranularity;
  /** Weeks start on this ISO weekday (default Monday). */
  weekStart?: IsoWeekday;
  calendar: ZonedCalendar;
  /** The argument named by a too-many-buckets error (default "granularity"). */
  bucketArgument?: string;
  /** More buckets than this is a BadUserInputError. */
  maxBuckets: number;
}

/** [from, to) with the start of every bucket that overlaps it, in order. */
export interface TrendWindow {
  from: Date;
  to: Date;
  buckets: Date[];
}

/**
 * Applies the defaults (to = now, from = to - 7 days), validates the window and lists
 * its buckets. The first and last buckets may reach outside the window: they count only
 * the alerts inside it. The listing stops one past `maxBuckets`, so a window of a
 * century costs no more than a valid one.
 */
export function resolveTrendWindow(input: TrendWindowInput): TrendWindow {
  const to = input.to ?? input.now;
  const from = input.from ?? new Date(to.getTime() - DEFAULT_TREND_WINDOW_MS);
  assertValidDate(from, "from");
  assertValidDate(to, "to");
  if (from.getTime() > to.getTime()) {
    throw new BadUserInputError(`from (${from.toISOString()}) must not be after to (${to.toISOString()})`, {
      argument: "from",
    });
  }

  const buckets: Date[] = [];
  if (from.getTime() === to.getTime()) return { from, to, buckets };
  // Even the longest buckets could not cover the window within the limit: reject
  // without walking the calendar.
  if ((to.getTime() - from.getTime()) / LONGEST_BUCKET_MS[input.granularity] > input.maxBuckets + 1) {
    throw tooManyBuckets(from, to, input);
  }
  for (
    let bucket = input.calendar.startOf(from, input.granularity, input.weekStart);
    bucket.getTime() < to.getTime();
    bucket = input.calendar.next(bucket, input.granularity)
  ) {
    if (buckets.length === input.maxBuckets) throw tooManyBuckets(from, to, input);
    buckets.push(bucket);
  }
  return { from, to, buckets };
}

const HOUR_MS = 3_600_000;
/** Upper bounds on a bucket's length, with room for the largest DST shifts (2 h, Antarctica/Troll). */
const LONGEST_BUCKET_MS: Readonly<Record<TimeGranularity, number>> = {
  hour: HOUR_MS,
  day: 27 * HOUR_MS,
  week: (7 * 24 + 3) * HOUR_MS,
  month: (31 * 24 + 3) * HOUR_MS,
  quarter: (92 * 24 + 3) * HOUR_MS,
  year: (366 * 24 + 3) * HOUR_MS,
};

/**
 * Bounds on from and to: four-digit years, as $dateToString prints them, and none of the
 * two-digit years that Date.UTC would read as 19xx.
 */
const EARLIEST_MS = Date.parse("1900-01-01T00:00:00Z");
const LATEST_MS = Date.parse("9999-12-01T00:00:00Z");

function tooManyBuckets(from: Date, to: Date, input: TrendWindowInput): BadUserInputError {
  const argument = input.bucketArgument ?? "granularity";
  return new BadUserInputError(
    `${argument}: from ${from.toISOString()} to ${to.toISOString()} spans more than ${input.maxBuckets} ` +
      `${input.granularity} buckets; narrow the window or use a coarser granularity`,
    { argument, maxBuckets: input.maxBuckets },
  );
}

export function assertValidDate(value: Date, argument: string): void {
  const ms = value.getTime();
  if (Number.isNaN(ms) || ms < EARLIEST_MS || ms > LATEST_MS) {
    throw new BadUserInputError(`${argument}: not a valid date-time between the years 1900 and 9999`, {
      argument,
    });
  }
}
