import { CommandError } from "../errors/command-error";
import { localToUtc, timezoneOffset } from "./timezone-offset";

const UNIT_MS: Record<string, number> = {
  millisecond: 1,
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};
const DAY_MS = 86_400_000;
/** 2000-01-01, mongod's reference point for bins. */
const REF_MS = Date.UTC(2000, 0, 1);
const REF_DAY = REF_MS / DAY_MS;
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/**
 * $dateTrunc computed in the wall-clock time of `timezone` (DST-aware), with binSize bins
 * counted from 2000-01-01 local, and weeks starting on `startOfWeek`.
 */
export function truncateDate(
  date: Date,
  unit: string,
  binSize = 1,
  timezone?: unknown,
  startOfWeek: string = "sunday",
): Date {
  if (!Number.isInteger(binSize) || binSize < 1) {
    throw new CommandError(5439017, "$dateTrunc requires 'binSize' to be a positive integer");
  }
  const t = date.getTime();
  if (unit in UNIT_MS && unit !== "day") {
    // mongod (truncateDateMillis): hours and smaller are fixed-length bins in absolute time, counted
    // from 2000-01-01T00:00 local; no local-to-UTC conversion afterwards (the repeated hour of a
    // DST fall-back stays two bins).
    const size = UNIT_MS[unit] * binSize;
    const ref = REF_MS - timezoneOffset(timezone, REF_MS) * 60000;
    return new Date(t - mod(t - ref, size));
  }
  const local = t + timezoneOffset(timezone, t) * 60000;
  let truncated: number;
  if (unit in UNIT_MS) {
    const size = UNIT_MS[unit] * binSize;
    truncated = local - mod(local - REF_MS, size);
  } else if (unit === "week") {
    const sow = WEEKDAYS.indexOf(startOfWeek.toLowerCase().slice(0, 3));
    if (sow < 0)
      throw new CommandError(
        5439016,
        `$dateTrunc parameter 'startOfWeek' value cannot be recognized as a day of a week: ${startOfWeek}`,
      );
    // 2000-01-01 was a Saturday (6): the first bin starts on the first startOfWeek day after it.
    const refDay = REF_DAY + mod(sow - 6, 7);
    const day = Math.floor(local / DAY_MS);
    const weeks = Math.floor((day - refDay) / 7);
    truncated = (refDay + (weeks - mod(weeks, binSize)) * 7) * DAY_MS;
  } else if (unit === "month" || unit === "quarter" || unit === "year") {
    const d = new Date(local);
    const months = (d.getUTCFullYear() - 2000) * 12 + d.getUTCMonth();
    const size = binSize * (unit === "month" ? 1 : unit === "quarter" ? 3 : 12);
    const start = months - mod(months, size);
    truncated = Date.UTC(2000 + Math.floor(start / 12), mod(start, 12), 1);
  } else {
    throw new CommandError(
      5439014,
      `$dateTrunc parameter 'unit' value cannot be recognized as a time unit: ${unit}`,
    );
  }
  return new Date(localToUtc(timezone, truncated));
}
