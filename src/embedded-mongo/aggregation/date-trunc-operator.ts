import { evalExpr } from "mingo/core";
import type { Options } from "mingo/types/types";
import { CommandError } from "../errors/command-error";
import { truncateDate } from "./truncate-date";

/** Replaces mingo's $dateTrunc, which ignores the timezone for day and larger units. */
export function dateTruncOperator(obj: Record<string, unknown>, expr: unknown, options: Options): unknown {
  const args = evalExpr(obj, expr, options) as Record<string, unknown>;
  let date = args.date;
  if (date === null || date === undefined || args.unit === null || args.unit === undefined) return null;
  if (typeof date === "object" && (date as { _bsontype?: string })._bsontype === "ObjectId") {
    date = (date as { getTimestamp(): Date }).getTimestamp();
  }
  if (!(date instanceof Date)) {
    throw new CommandError(5439012, "$dateTrunc requires 'date' to be a date");
  }
  if (typeof args.unit !== "string")
    throw new CommandError(5439013, "$dateTrunc requires 'unit' to be a string");
  const binSize = args.binSize === undefined || args.binSize === null ? 1 : Number(args.binSize);
  const startOfWeek = typeof args.startOfWeek === "string" ? args.startOfWeek : "sunday";
  return truncateDate(date, args.unit, binSize, args.timezone ?? undefined, startOfWeek);
}
