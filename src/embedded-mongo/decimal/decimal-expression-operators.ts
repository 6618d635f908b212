import type { Decimal128 } from "bson";
import { evalExpr } from "mingo/core";
import * as expressionOperators from "mingo/operators/expression";
import type { Options } from "mingo/types/types";
import { compareValues } from "../bson/compare-values";
import { CommandError } from "../errors/command-error";
import { UnsupportedDecimalError } from "../errors/unsupported-decimal-error";
import {
  type Cohort,
  decimalAbs,
  decimalAdd,
  decimalDivide,
  decimalMultiply,
  decimalNegate,
  decimalOperand,
} from "./decimal128-arithmetic";

type Operator = (obj: Record<string, unknown>, expr: unknown, options: Options) => unknown;

const isDecimal = (v: unknown) => (v as { _bsontype?: string } | null)?._bsontype === "Decimal128";

/**
 * mingo's operator unless an argument evaluates to a Decimal128: then the exact decimal128 result
 * (null for a null or missing argument, as mongod). Dates, NaN, infinities and non-integral doubles
 * beside a Decimal128 are refused with 238.
 */
function decimalAware(name: string, original: Operator, compute: (args: Cohort[]) => unknown): Operator {
  return (obj, expr, options) => {
    const value = evalExpr(obj, expr, options);
    const args: unknown[] = Array.isArray(value) ? value : [value];
    if (!args.some(isDecimal)) return original(obj, expr, options);
    if (args.some((v) => v === null || v === undefined)) return null;
    const cohorts = args.map((v) => {
      const c = decimalOperand(v);
      if (!c)
        throw new UnsupportedDecimalError(
          `Decimal128 values in ${name} with a non-integral double, a date, NaN or an infinity`,
        );
      return c;
    });
    return compute(cohorts);
  };
}

const ops = expressionOperators as unknown as Record<string, Operator>;

/** $add, $subtract, $multiply, $divide and $abs computed exactly on Decimal128 (mongod: decimal wins). */
export const decimalExpressionOperators: Record<string, Operator> = {
  $add: decimalAware("$add", ops.$add, (args) => fold(args, decimalAdd, 0)),
  $subtract: decimalAware("$subtract", ops.$subtract, ([a, b]) => decimalAdd(a, decimalNegate(b))),
  $multiply: decimalAware("$multiply", ops.$multiply, (args) => fold(args, decimalMultiply, 1)),
  $divide: decimalAware("$divide", ops.$divide, ([a, b]) => {
    const q = decimalDivide(a, b);
    if (!q) throw new CommandError(2, "can't $divide by zero");
    return q;
  }),
  $abs: decimalAware("$abs", ops.$abs, ([a]) => decimalAbs(a)),
};

/** Left to right, each step rounded as mongod's; one argument is combined with the identity. */
function fold(args: Cohort[], f: (a: Cohort, b: Cohort) => Decimal128, identity: number): Decimal128 {
  if (args.length === 1) return f(args[0], decimalOperand(identity) as Cohort);
  let acc = f(args[0], args[1]);
  for (const c of args.slice(2)) acc = f(decimalOperand(acc) as Cohort, c);
  return acc;
}

/** A comparison operator that compares exactly, in BSON order, when one side is a Decimal128. */
function decimalComparison(original: Operator, verdict: (cmp: number) => unknown): Operator {
  return (obj, expr, options) => {
    const value = evalExpr(obj, expr, options);
    if (!Array.isArray(value) || value.length !== 2 || !value.some(isDecimal))
      return original(obj, expr, options);
    return verdict(compareValues(value[0] ?? null, value[1] ?? null));
  };
}

/** $eq, $ne, $gt, $gte, $lt, $lte and $cmp of computed values exact on Decimal128 (as mongod). */
export const decimalComparisonOperators: Record<string, Operator> = {
  $eq: decimalComparison(ops.$eq, (c) => c === 0),
  $ne: decimalComparison(ops.$ne, (c) => c !== 0),
  $gt: decimalComparison(ops.$gt, (c) => c > 0),
  $gte: decimalComparison(ops.$gte, (c) => c >= 0),
  $lt: decimalComparison(ops.$lt, (c) => c < 0),
  $lte: decimalComparison(ops.$lte, (c) => c <= 0),
  $cmp: decimalComparison(ops.$cmp, (c) => Math.sign(c)),
};
