import type { TrendGranularity } from "./trend-granularity";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** MongoDB's reference point for $dateTrunc: 2000-01-01T00:00:00Z. */
const REFERENCE_UTC_MS = Date.UTC(2000, 0, 1);

/** A local calendar date (month 1-12). */
interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Calendar arithmetic in one IANA time zone, through Intl only: the same bucket starts
 * MongoDB's `$dateTrunc` computes, so that gap-filled buckets line up with the ones
 * the database returns.
 *
 * - hour: fixed 1-hour bins counted from 2000-01-01T00:00 local, as MongoDB does, so
 *   hours in Asia/Kolkata start at :30 UTC and stay 60 minutes long across DST;
 * - day, week (Monday), month: local midnight, so a day is 23 or 25 hours long across
 *   a daylight-saving change.
 */
export class ZonedCalendar {
  private static readonly cache = new Map<string, ZonedCalendar>();

  private readonly format: Intl.DateTimeFormat;
  private readonly hourReferenceMs: number;

  /** `timeZone` must be valid (see resolveTimeZone): Intl throws a RangeError otherwise. */
  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    this.hourReferenceMs = REFERENCE_UTC_MS - this.offsetAt(REFERENCE_UTC_MS);
  }

  /** One shared instance per zone: building an Intl.DateTimeFormat is the costly part. */
  static of(timeZone: string): ZonedCalendar {
    let calendar = ZonedCalendar.cache.get(timeZone);
    if (!calendar) {
      calendar = new ZonedCalendar(timeZone);
      ZonedCalendar.cache.set(timeZone, calendar);
    }
    return calendar;
  }

  /** Start of the bucket that contains `instant`. */
  startOf(instant: Date, unit: TrendGranularity): Date {
    const ms = instant.getTime();
    if (unit === "hour") return new Date(ms - positiveModulo(ms - this.hourReferenceMs, HOUR_MS));
    const local = this.localDateAt(ms);
    switch (unit) {
      case "day":
        return this.startOfLocalDay(local);
      case "week": {
        // Monday is ISO weekday 1; getUTCDay() gives 0 for Sunday.
        const daysSinceMonday =
          (new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay() + 6) % 7;
        return this.startOfLocalDay(addDays(local, -daysSinceMonday));
      }
      case "month":
        return this.startOfLocalDay({ year: local.year, month: local.month, day: 1 });
    }
  }

  /** Start of the bucket after the one starting at `bucketStart`. */
  next(bucketStart: Date, unit: TrendGranularity): Date {
    const ms = bucketStart.getTime();
    if (unit === "hour") return new Date(ms + HOUR_MS);
    const wallMs = this.wallClockMs(ms);
    const local = toLocalDate(wallMs);
    const nextDate =
      unit === "day"
        ? addDays(local, 1)
        : unit === "week"
          ? addDays(local, 7)
          : local.month === 12
            ? { year: local.year + 1, month: 1, day: 1 }
            : { year: local.year, month: local.month + 1, day: 1 };
    // Fast path, one Intl call: with no offset change in between, the next start is the
    // same wall-clock distance away in absolute time.
    const nextWallMs = Date.UTC(nextDate.year, nextDate.month - 1, nextDate.day);
    const guess = ms + (nextWallMs - wallMs);
    if (this.wallClockMs(guess) === nextWallMs) return new Date(guess);
    return this.startOfLocalDay(nextDate);
  }

  /** The local calendar date of `instant` as YYYY-MM-DD, as `$dateToString` with `timezone`. */
  localDate(instant: Date): string {
    const { year, month, day } = this.localDateAt(instant.getTime());
    return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }

  /** The instant of local midnight starting `date`; where midnight is skipped by DST, the first instant of the day. */
  private startOfLocalDay(date: LocalDate): Date {
    const wallMs = Date.UTC(date.year, date.month - 1, date.day);
    // The offsets in force around that wall time; one of them is the one at local midnight.
    const offsets = new Set([
      this.offsetAt(wallMs - DAY_MS),
      this.offsetAt(wallMs),
      this.offsetAt(wallMs + DAY_MS),
    ]);
    const matches = [...offsets]
      .map((offset) => wallMs - offset)
      .filter((candidate) => this.offsetAt(candidate) === wallMs - candidate)
      .sort((a, b) => a - b);
    // Midnight that occurs twice (clocks turned back at midnight): the earlier one.
    if (matches.length > 0) return new Date(matches[0]!);
    // Midnight skipped (clocks turned forward at midnight): with the offset from before the
    // change, the wall time lands exactly on the change, the first instant of that day.
    return new Date(wallMs - this.offsetAt(wallMs - DAY_MS));
  }

  private localDateAt(ms: number): LocalDate {
    return toLocalDate(this.wallClockMs(ms));
  }

  /** Local wall time minus UTC at `ms`, in milliseconds (+19800000 in Asia/Kolkata). */
  private offsetAt(ms: number): number {
    return this.wallClockMs(ms) - ms;
  }

  /** The local wall-clock time at `ms`, written as if it were UTC. */
  private wallClockMs(ms: number): number {
    // format() and one regex are about twice as fast as formatToParts, which stays the
    // fallback should another ICU version print a different layout.
    const match = WALL_CLOCK.exec(this.format.format(ms));
    const [month, day, year, hour, minute, second] = match
      ? match.slice(1).map(Number)
      : ["month", "day", "year", "hour", "minute", "second"].map((type) =>
          Number(this.format.formatToParts(ms).find((part) => part.type === type)?.value),
        );
    const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
    // Intl has second precision; the milliseconds are the same in every zone.
    return wall + positiveModulo(ms, 1000);
  }
}

/** What the en-US numeric format prints: "3/28/2026, 23:00:00". */
const WALL_CLOCK = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

function toLocalDate(wallMs: number): LocalDate {
  const date = new Date(wallMs);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function positiveModulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
