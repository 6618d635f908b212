import { evalExpr } from "mingo/core";
import type { Options } from "mingo/types/types";
import { CommandError } from "../errors/command-error";
import { formatDate } from "./format-date";

const DEFAULT_FORMAT = "%Y-%m-%dT%H:%M:%S.%LZ";

/** Replaces mingo's $dateToString: same format language, cached zone offsets, MongoDB's onNull. */
export function dateToStringOperator(obj: Record<string, unknown>, expr: unknown, options: Options): unknown {
  const args = evalExpr(obj, expr, options) as Record<string, unknown>;
  let date = args.date;
  if (date === null || date === undefined) return "onNull" in args ? args.onNull : null;
  if (typeof date === "object" && (date as { _bsontype?: string })._bsontype === "ObjectId") {
    date = (date as { getTimestamp(): Date }).getTimestamp();
  }
  if (!(date instanceof Date)) throw new CommandError(16006, "can't convert from BSON type to Date");
  const format = args.format === undefined || args.format === null ? DEFAULT_FORMAT : args.format;
  if (typeof format !== "string")
    throw new CommandError(18533, "$dateToString requires that 'format' be a string");
  return formatDate(date, format, args.timezone ?? undefined);
}
