import { evalExpr } from "mingo/core";
import type { Options } from "mingo/types/types";
import { isPlainObject } from "../bson/is-plain-object";
import { formatDate } from "./format-date";
import { truncateDate } from "./truncate-date";

type Compiled = (doc: Record<string, unknown>) => unknown;

/**
 * Compiles an aggregation expression to a function. Field paths, constants, and the date and
 * arithmetic operators analytics pipelines lean on ($dateTrunc, $dateToString, $subtract) run
 * natively; everything else (or any unusual input) is evaluated by mingo, so results agree.
 */
export function compileExpression(expr: unknown, options: Options): Compiled {
  const slow: Compiled = (doc) => evalExpr(doc, expr, options);
  return compile(expr, slow) ?? slow;
}

/** Returned by a native evaluator when mingo must decide (arrays on a path, odd operand types). */
const DEFER = Symbol("defer");

function compile(expr: unknown, slow: Compiled): Compiled | null {
  const native = nativeOf(expr);
  if (!native) return null;
  return (doc) => {
    const v = native(doc);
    return v === DEFER ? slow(doc) : v;
  };
}

function nativeOf(expr: unknown): Compiled | null {
  if (typeof expr === "string") {
    if (!expr.startsWith("$")) return () => expr;
    if (expr.startsWith("$$")) return null;
    return fieldPath(expr.slice(1).split("."));
  }
  if (expr === null || typeof expr === "number" || typeof expr === "boolean" || expr instanceof Date) {
    return () => expr;
  }
  if (!isPlainObject(expr)) return null;
  const keys = Object.keys(expr);
  if (keys.length !== 1) return null;
  const arg = expr[keys[0]];
  switch (keys[0]) {
    case "$dateTrunc":
      return dateTrunc(arg);
    case "$dateToString":
      return dateToString(arg);
    case "$subtract":
      return subtract(arg);
    default:
      return null;
  }
}

function fieldPath(parts: string[]): Compiled {
  if (parts.length === 1) {
    const field = parts[0];
    return (doc) => doc[field];
  }
  return (doc) => {
    let cur: unknown = doc;
    for (const part of parts) {
      if (cur === null || cur === undefined) return undefined;
      if (typeof cur !== "object" || Array.isArray(cur)) return DEFER;
      cur = (cur as Record<string, unknown>)[part];
    }
    return Array.isArray(cur) ? DEFER : cur;
  };
}

/** Options given as constants (the common case); anything computed goes to mingo. */
function constants(arg: Record<string, unknown>, names: string[]): boolean {
  return (
    names.every((n) => arg[n] === undefined || typeof arg[n] !== "string" || !arg[n].startsWith("$")) &&
    names.every((n) => arg[n] === undefined || !isPlainObject(arg[n]))
  );
}

function dateTrunc(arg: unknown): Compiled | null {
  if (!isPlainObject(arg) || typeof arg.unit !== "string") return null;
  if (!constants(arg, ["unit", "binSize", "timezone", "startOfWeek"])) return null;
  const date = nativeOf(arg.date);
  if (!date) return null;
  const unit = arg.unit;
  const binSize = arg.binSize === undefined ? 1 : arg.binSize;
  const timezone = arg.timezone ?? undefined;
  const startOfWeek = typeof arg.startOfWeek === "string" ? arg.startOfWeek : "sunday";
  if (typeof binSize !== "number") return null;
  return (doc) => {
    const d = date(doc);
    if (d === null || d === undefined) return null;
    if (!(d instanceof Date)) return DEFER;
    return truncateDate(d, unit, binSize, timezone, startOfWeek);
  };
}

function dateToString(arg: unknown): Compiled | null {
  if (!isPlainObject(arg) || !constants(arg, ["format", "timezone", "onNull"])) return null;
  if (arg.format !== undefined && typeof arg.format !== "string") return null;
  const date = nativeOf(arg.date);
  if (!date) return null;
  const format = arg.format ?? "%Y-%m-%dT%H:%M:%S.%LZ";
  const timezone = arg.timezone ?? undefined;
  const hasOnNull = "onNull" in arg;
  const onNull = arg.onNull;
  return (doc) => {
    const d = date(doc);
    if (d === null || d === undefined) return hasOnNull ? onNull : null;
    if (!(d instanceof Date)) return DEFER;
    return formatDate(d, format, timezone);
  };
}

function subtract(arg: unknown): Compiled | null {
  if (!Array.isArray(arg) || arg.length !== 2) return null;
  const a = nativeOf(arg[0]);
  const b = nativeOf(arg[1]);
  if (!a || !b) return null;
  return (doc) => {
    const x = a(doc);
    const y = b(doc);
    if (x === DEFER || y === DEFER) return DEFER;
    if (x === null || x === undefined || y === null || y === undefined) return null;
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (x instanceof Date && y instanceof Date) return x.getTime() - y.getTime();
    if (x instanceof Date && typeof y === "number") return new Date(x.getTime() - y);
    return DEFER;
  };
}
