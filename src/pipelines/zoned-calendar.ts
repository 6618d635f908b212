import { WallClock } from "../time/wall-clock";
import type { IsoWeekday, TimeGranularity } from "./time-granularity";

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
 * - day, week (from `weekStart`, Monday unless told), month, quarter, year: local
 *   midnight, so a day is 23 or 25 hours long across a daylight-saving change.
 */
export class ZonedCalendar {
  private static readonly cache = new Map<string, ZonedCalendar>();

  private readonly clock: WallClock;
  private readonly hourReferenceMs: number;

  /** `timeZone` must be valid (see resolveTimeZone): Intl throws a RangeError otherwise. */
  constructor(readonly timeZone: string) {
    this.clock = new WallClock(timeZone);
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

  /** Start of the bucket that contains `instant`; weeks start on `weekStart` (1 = Monday). */
  startOf(instant: Date, unit: TimeGranularity, weekStart: IsoWeekday = 1): Date {
    const ms = instant.getTime();
    if (unit === "hour") return new Date(ms - positiveModulo(ms - this.hourReferenceMs, HOUR_MS));
    const local = this.localDateAt(ms);
    switch (unit) {
      case "day":
        return this.startOfLocalDay(local);
      case "week": {
        // ISO weekday 1..7 from getUTCDay()'s 0 (Sunday) .. 6.
        const isoWeekday =
          ((new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay() + 6) % 7) + 1;
        return this.startOfLocalDay(addDays(local, -((isoWeekday - weekStart + 7) % 7)));
      }
      case "month":
        return this.startOfLocalDay({ year: local.year, month: local.month, day: 1 });
      case "quarter":
        return this.startOfLocalDay({
          year: local.year,
          month: local.month - ((local.month - 1) % 3),
          day: 1,
        });
      case "year":
        return this.startOfLocalDay({ year: local.year, month: 1, day: 1 });
    }
  }

  /** Start of the bucket after the one starting at `bucketStart`. */
  next(bucketStart: Date, unit: TimeGranularity): Date {
    const ms = bucketStart.getTime();
    if (unit === "hour") return new Date(ms + HOUR_MS);
    const wallMs = this.wallClockMs(ms);
    const local = toLocalDate(wallMs);
    const nextDate =
      unit === "day"
        ? addDays(local, 1)
        : unit === "week"
          ? addDays(local, 7)
          : addMonths(local, MONTHS_PER_UNIT[unit]);
    // Fast path, one Intl call: with no offset change in between, the next start is the
    // same wall-clock distance away in absolute time.
    const nextWallMs = Date.UTC(nextDate.year, nextDate.month - 1, nextDate.day);
    const guess = ms + (nextWallMs - wallMs);
    if (this.wallClockMs(guess) === nextWallMs) return new Date(guess);
    return this.startOfLocalDay(nextDate);
  }

  /**
   * The instant at the same local wall-clock time `months` and `days` away (negative:
   * back), the day clamped to the month's end (31 March - 1 month = 28/29 February).
   * A wall time skipped by DST is read with the offset from before the change.
   */
  shift(instant: Date, months: number, days = 0): Date {
    const wallMs = this.wallClockMs(instant.getTime());
    const local = toLocalDate(wallMs);
    const target = addDays(addMonths(local, months), days);
    const timeOfDay = positiveModulo(wallMs, DAY_MS);
    return new Date(this.instantOfWall(Date.UTC(target.year, target.month - 1, target.day) + timeOfDay));
  }

  /**
   * The label of the bucket starting at `bucketStart`: 2026-11-30T14:00 (hour), 2026-11-30
   * (day; a week not starting on Monday too), 2026-W48 (ISO week), 2026-11, 2026-Q4, 2026.
   */
  label(bucketStart: Date, unit: TimeGranularity, weekStart: IsoWeekday = 1): string {
    const wallMs = this.wallClockMs(bucketStart.getTime());
    const wall = new Date(wallMs);
    const { year, month } = toLocalDate(wallMs);
    const y = String(year).padStart(4, "0");
    switch (unit) {
      case "hour":
        return `${this.localDate(bucketStart)}T${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`;
      case "week": {
        if (weekStart !== 1) return this.localDate(bucketStart);
        // ISO 8601: the week belongs to the year of its Thursday.
        const thursday = new Date(Date.UTC(year, month - 1, wall.getUTCDate() + 3));
        const isoYear = thursday.getUTCFullYear();
        const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY_MS)) + 1;
        return `${String(isoYear).padStart(4, "0")}-W${pad2(week)}`;
      }
      case "month":
        return `${y}-${pad2(month)}`;
      case "quarter":
        return `${y}-Q${Math.floor((month - 1) / 3) + 1}`;
      case "year":
        return y;
      default:
        return this.localDate(bucketStart);
    }
  }

  /** The local calendar date of `instant` as YYYY-MM-DD, as `$dateToString` with `timezone`. */
  localDate(instant: Date): string {
    const { year, month, day } = this.localDateAt(instant.getTime());
    return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }

  /** The instant of local midnight starting `date`; where midnight is skipped by DST, the first instant of the day. */
  private startOfLocalDay(date: LocalDate): Date {
    return new Date(this.instantOfWall(Date.UTC(date.year, date.month - 1, date.day)));
  }

  /** The instant showing local wall time `wallMs`; the earlier of two, the end of a DST gap for none. */
  private instantOfWall(wallMs: number): number {
    // The offsets in force around that wall time; one of them is the one at that time.
    const offsets = new Set([
      this.offsetAt(wallMs - DAY_MS),
      this.offsetAt(wallMs),
      this.offsetAt(wallMs + DAY_MS),
    ]);
    const matches = [...offsets]
      .map((offset) => wallMs - offset)
      .filter((candidate) => this.offsetAt(candidate) === wallMs - candidate)
      .sort((a, b) => a - b);
    // A wall time that occurs twice (clocks turned back): the earlier one.
    if (matches.length > 0) return matches[0]!;
    // A wall time skipped (clocks turned forward): read with the offset from before the
    // change, as Luxon and Temporal do; a skipped midnight lands exactly on the change.
    return wallMs - this.offsetAt(wallMs - DAY_MS);
  }

  private localDateAt(ms: number): LocalDate {
    return toLocalDate(this.wallClockMs(ms));
  }

  /** Local wall time minus UTC at `ms`, in milliseconds (+19800000 in Asia/Kolkata). */
  private offsetAt(ms: number): number {
    return this.clock.offsetAt(ms);
  }

  /** The local wall-clock time at `ms`, written as if it were UTC. */
  private wallClockMs(ms: number): number {
    return this.clock.at(ms);
  }
}

function toLocalDate(wallMs: number): LocalDate {
  const date = new Date(wallMs);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

const MONTHS_PER_UNIT = { month: 1, quarter: 3, year: 12 } as const;

/** Whole months later (or earlier), the day clamped to the target month's length. */
function addMonths(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, lastDay) };
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

function positiveModulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
