import { CommandError } from "../errors/command-error";
import { timezoneOffset } from "./timezone-offset";

const DAY_MS = 86_400_000;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? "-" : "") + (s.length >= width ? s : "0".repeat(width - s.length) + s);
}

/** ISO 8601 week number and week-year of a (UTC-read) wall-clock date. */
function isoWeek(local: Date): { week: number; year: number } {
  const day = (local.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - day + 3),
  );
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstDay = (firstThursday.getUTCDay() + 6) % 7;
  const week1Monday = Date.UTC(year, 0, 4 - firstDay);
  return { week: Math.floor((thursday.getTime() - 3 * DAY_MS - week1Monday) / (7 * DAY_MS)) + 1, year };
}

/** Week of the year, weeks starting on Sunday (days before the first Sunday are week 0). */
function sundayWeek(local: Date): number {
  const start = new Date(Date.UTC(local.getUTCFullYear(), 0, 1));
  const dayOfYear = Math.floor((local.getTime() - start.getTime()) / DAY_MS);
  return Math.floor((dayOfYear + start.getUTCDay()) / 7);
}

/** What each `%` specifier writes, from the wall-clock date (read as UTC) and the zone's offset in minutes. */
const SPECIFIERS: Readonly<Record<string, (local: Date, offset: number) => string>> = {
  Y: (local) => pad(local.getUTCFullYear(), 4),
  m: (local) => pad(local.getUTCMonth() + 1, 2),
  d: (local) => pad(local.getUTCDate(), 2),
  H: (local) => pad(local.getUTCHours(), 2),
  M: (local) => pad(local.getUTCMinutes(), 2),
  S: (local) => pad(local.getUTCSeconds(), 2),
  L: (local) => pad(local.getUTCMilliseconds(), 3),
  j: (local) => pad(Math.floor((local.getTime() - Date.UTC(local.getUTCFullYear(), 0, 1)) / DAY_MS) + 1, 3),
  w: (local) => String(local.getUTCDay() + 1),
  u: (local) => String(((local.getUTCDay() + 6) % 7) + 1),
  U: (local) => pad(sundayWeek(local), 2),
  V: (local) => pad(isoWeek(local).week, 2),
  G: (local) => pad(isoWeek(local).year, 4),
  b: (local) => MONTHS[local.getUTCMonth()].slice(0, 3),
  B: (local) => MONTHS[local.getUTCMonth()],
  z: (_local, offset) =>
    `${offset < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(offset) / 60), 2)}${pad(Math.abs(offset) % 60, 2)}`,
  Z: (_local, offset) => `${offset < 0 ? "-" : "+"}${Math.abs(offset)}`,
  "%": () => "%",
};

/** $dateToString's format language, in the wall-clock time of `timezone`. */
export function formatDate(date: Date, format: string, timezone?: unknown): string {
  const t = date.getTime();
  const offset = timezoneOffset(timezone, t);
  const local = new Date(t + offset * 60_000);
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== "%") {
      out += c;
      continue;
    }
    const spec = format[++i];
    if (spec === undefined || !Object.hasOwn(SPECIFIERS, spec))
      throw new CommandError(18536, `Invalid format character '%${spec ?? ""}' in format string`);
    out += SPECIFIERS[spec](local, offset);
  }
  return out;
}
