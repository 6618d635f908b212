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
    switch (spec) {
      case "Y":
        out += pad(local.getUTCFullYear(), 4);
        break;
      case "m":
        out += pad(local.getUTCMonth() + 1, 2);
        break;
      case "d":
        out += pad(local.getUTCDate(), 2);
        break;
      case "H":
        out += pad(local.getUTCHours(), 2);
        break;
      case "M":
        out += pad(local.getUTCMinutes(), 2);
        break;
      case "S":
        out += pad(local.getUTCSeconds(), 2);
        break;
      case "L":
        out += pad(local.getUTCMilliseconds(), 3);
        break;
      case "j": {
        const start = Date.UTC(local.getUTCFullYear(), 0, 1);
        out += pad(Math.floor((local.getTime() - start) / DAY_MS) + 1, 3);
        break;
      }
      case "w":
        out += String(local.getUTCDay() + 1);
        break;
      case "u":
        out += String(((local.getUTCDay() + 6) % 7) + 1);
        break;
      case "U": {
        const start = new Date(Date.UTC(local.getUTCFullYear(), 0, 1));
        const dayOfYear = Math.floor((local.getTime() - start.getTime()) / DAY_MS);
        out += pad(Math.floor((dayOfYear + start.getUTCDay()) / 7), 2);
        break;
      }
      case "V":
        out += pad(isoWeek(local).week, 2);
        break;
      case "G":
        out += pad(isoWeek(local).year, 4);
        break;
      case "b":
        out += MONTHS[local.getUTCMonth()].slice(0, 3);
        break;
      case "B":
        out += MONTHS[local.getUTCMonth()];
        break;
      case "z": {
        const abs = Math.abs(offset);
        out += `${offset < 0 ? "-" : "+"}${pad(Math.floor(abs / 60), 2)}${pad(abs % 60, 2)}`;
        break;
      }
      case "Z":
        out += `${offset < 0 ? "-" : "+"}${Math.abs(offset)}`;
        break;
      case "%":
        out += "%";
        break;
      default:
        throw new CommandError(18536, `Invalid format character '%${spec ?? ""}' in format string`);
    }
  }
  return out;
}
