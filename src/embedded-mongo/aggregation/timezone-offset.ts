import { WallClock } from "../../time/wall-clock";
import { CommandError } from "../errors/command-error";

const clocks = new Map<string, WallClock>();
/** Offsets per zone per quarter hour: zone transitions never fall inside one. */
const offsets = new Map<string, Map<number, number>>();
const QUARTER_HOUR = 900_000;

/** Minutes to add to UTC to get wall-clock time in `timezone` (Olson name or ±HH[:MM]) at `utcMs`. */
export function timezoneOffset(timezone: unknown, utcMs: number): number {
  if (timezone === undefined || timezone === null) return 0;
  if (typeof timezone !== "string") throw new CommandError(40517, "timezone must evaluate to a string");
  if (timezone === "UTC" || timezone === "GMT" || timezone === "Z") return 0;
  const fixed = /^([+-])(\d{2}):?(\d{2})?$/.exec(timezone);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3] ?? 0);
    return fixed[1] === "-" ? -minutes : minutes;
  }
  const bucket = Math.floor(utcMs / QUARTER_HOUR);
  let cache = offsets.get(timezone);
  if (!cache) {
    cache = new Map();
    offsets.set(timezone, cache);
  }
  const cached = cache.get(bucket);
  if (cached !== undefined) return cached;
  if (cache.size > 200_000) cache.clear();
  const offset = zoneOffset(timezone, bucket * QUARTER_HOUR);
  cache.set(bucket, offset);
  return offset;
}

function zoneOffset(timezone: string, utcMs: number): number {
  return Math.round(clockFor(timezone).offsetAt(utcMs) / 60000);
}

function clockFor(timezone: string): WallClock {
  let clock = clocks.get(timezone);
  if (!clock) {
    try {
      clock = new WallClock(timezone);
    } catch {
      throw new CommandError(40485, `unrecognized time zone identifier: "${timezone}"`);
    }
    clocks.set(timezone, clock);
  }
  return clock;
}

/** The UTC instant whose wall-clock time in `timezone` is `localMs` (read as if it were UTC). */
export function localToUtc(timezone: unknown, localMs: number): number {
  const first = timezoneOffset(timezone, localMs);
  const second = timezoneOffset(timezone, localMs - first * 60000);
  return localMs - second * 60000;
}
