import { evalExpr } from "mingo/core";
import { $push } from "mingo/operators/accumulator";
import type { Options } from "mingo/types/types";
import { isPlainObject } from "../bson/is-plain-object";
import { CommandError } from "../errors/command-error";

/**
 * `$percentile` and `$median` as mongod 7.0 spells them, as `$group` accumulators and as
 * expressions: `{ input, p: [..], method: "approximate" }` (`$median` without `p`).
 *
 * mongod answers "approximate" with a t-digest; the engine gives exact values instead,
 * which the method allows: the discrete percentile, the smallest input value v with at
 * least p·n values ≤ v. Non-numeric inputs are ignored; with no numeric input the
 * result is null. (mingo's own operators sort numbers as strings, so they are replaced.)
 */

interface PercentileSpec {
  input: unknown;
  p: number[];
}

/** $percentile accumulator: one array with a value per p, or null when no input is numeric. */
export function percentileAccumulator(
  collection: Record<string, unknown>[],
  expr: unknown,
  options: Options,
): number[] | null {
  const spec = parseSpec("$percentile", expr, collection[0] ?? {}, options, true);
  const values = inputsOf(collection, spec.input, options);
  return percentilesOf(values, spec.p);
}

/** $median accumulator: the 0.5 percentile, or null. */
export function medianAccumulator(
  collection: Record<string, unknown>[],
  expr: unknown,
  options: Options,
): number | null {
  const spec = parseSpec("$median", expr, collection[0] ?? {}, options, false);
  const values = inputsOf(collection, spec.input, options);
  return percentilesOf(values, [0.5])?.[0] ?? null;
}

/**
 * $percentile expression: `input` is an array (or one number). mingo's $group looks an
 * operator up among expressions first and hands it the group's documents as an array:
 * that is the accumulator.
 */
export function percentileExpression(
  doc: Record<string, unknown> | Record<string, unknown>[],
  expr: unknown,
  options: Options,
): number[] | null {
  if (Array.isArray(doc)) return percentileAccumulator(doc, expr, options);
  const spec = parseSpec("$percentile", expr, doc, options, true);
  return percentilesOf(asList(evalExpr(doc, spec.input, options)), spec.p);
}

/** $median expression (the accumulator in $group, as for $percentile). */
export function medianExpression(
  doc: Record<string, unknown> | Record<string, unknown>[],
  expr: unknown,
  options: Options,
): number | null {
  if (Array.isArray(doc)) return medianAccumulator(doc, expr, options);
  const spec = parseSpec("$median", expr, doc, options, false);
  return percentilesOf(asList(evalExpr(doc, spec.input, options)), [0.5])?.[0] ?? null;
}

/** The input evaluated per document with that document as $$ROOT, as mingo's accumulators do. */
function inputsOf(collection: Record<string, unknown>[], input: unknown, options: Options): unknown[] {
  return $push(collection, input, options) as unknown[];
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Discrete percentiles of the numeric values; null when there is none. */
function percentilesOf(values: readonly unknown[], ps: readonly number[]): number[] | null {
  const numbers = values.filter(isNumeric).map(Number);
  if (numbers.length === 0) return null;
  numbers.sort((a, b) => a - b);
  return ps.map(
    (p) => numbers[Math.min(numbers.length - 1, Math.max(0, Math.ceil(p * numbers.length) - 1))]!,
  );
}

function isNumeric(value: unknown): boolean {
  if (typeof value === "number") return !Number.isNaN(value);
  if (typeof value === "bigint") return true;
  const type = (value as { _bsontype?: string } | null)?._bsontype;
  return type === "Int32" || type === "Long" || type === "Double" || type === "Decimal128";
}

function parseSpec(
  name: "$percentile" | "$median",
  expr: unknown,
  doc: Record<string, unknown>,
  options: Options,
  needsP: boolean,
): PercentileSpec {
  if (!isPlainObject(expr)) {
    throw new CommandError(7436100, `${name} requires an object argument, found: ${typeName(expr)}`);
  }
  const allowed = needsP ? ["input", "p", "method"] : ["input", "method"];
  for (const key of Object.keys(expr)) {
    if (!allowed.includes(key)) {
      throw new CommandError(40415, `BSON field '${name}.${key}' is an unknown field.`);
    }
  }
  if (!("input" in expr))
    throw new CommandError(40414, `BSON field '${name}.input' is missing but a required field`);
  if (!("method" in expr)) {
    throw new CommandError(40414, `BSON field '${name}.method' is missing but a required field`);
  }
  if (expr.method !== "approximate") {
    throw new CommandError(
      ErrorCodes.BadValue,
      `Currently only 'approximate' can be used as percentile 'method'; got ${JSON.stringify(expr.method)}`,
    );
  }
  if (!needsP) return { input: expr.input, p: [0.5] };
  if (!("p" in expr)) throw new CommandError(40414, `BSON field '${name}.p' is missing but a required field`);
  const p = evalExpr(doc, expr.p, options);
  if (
    !Array.isArray(p) ||
    p.length === 0 ||
    !p.every((value) => isNumeric(value) && Number(value) >= 0 && Number(value) <= 1)
  ) {
    throw new CommandError(
      7750301,
      `The 'p' field for $percentile must be a non-empty array of numbers between 0.0 and 1.0, found: ${JSON.stringify(p)}`,
    );
  }
  return { input: expr.input, p: p.map(Number) };
}

const ErrorCodes = { BadValue: 2 } as const;

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}
