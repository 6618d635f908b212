import { UnsupportedDecimalError } from "../errors/unsupported-decimal-error";
import type { Decimal128 } from "bson";
import { type Cohort, decimalAdd, decimalDivide, decimalOperand } from "./decimal128-arithmetic";

/** The running total of $sum/$avg once a Decimal128 has been met in the group. */
export class DecimalTotal {
  constructor(
    public total: Decimal128,
    public n: number,
  ) {}
}

const isDecimal = (v: unknown) => (v as { _bsontype?: string } | null)?._bsontype === "Decimal128";

/** True when `v` (or the running state) makes a $sum/$avg step decimal. */
export function needsDecimal(state: unknown, v: unknown): boolean {
  return state instanceof DecimalTotal || isDecimal(v);
}

/**
 * Adds `v` to a $sum/$avg total in decimal128 (mongod: decimal wins). `plain` is the total so far
 * when the group had only JS numbers, `n` their count. Non-numeric values are skipped, as mongod does;
 * non-integral doubles (which mongod first rounds to 15 digits), NaN and infinities are refused.
 */
export function addDecimal(op: string, state: unknown, plain: number, n: number, v: unknown): DecimalTotal {
  let acc = state instanceof DecimalTotal ? state : undefined;
  if (!acc) acc = new DecimalTotal(decimalAdd(operand(op, 0), operand(op, plain)), n);
  if (typeof v !== "number" && !isDecimal(v)) return acc;
  acc.total = decimalAdd(operand(op, acc.total), operand(op, v));
  acc.n++;
  return acc;
}

export function finishDecimal(op: string, acc: DecimalTotal): unknown {
  if (op !== "$avg") return acc.total;
  return decimalDivide(operand(op, acc.total), operand(op, acc.n)) ?? null;
}

function operand(op: string, v: unknown): Cohort {
  const c = decimalOperand(v);
  if (!c)
    throw new UnsupportedDecimalError(
      `Decimal128 values in $group's ${op} with a non-integral double, NaN or an infinity`,
    );
  return c;
}
