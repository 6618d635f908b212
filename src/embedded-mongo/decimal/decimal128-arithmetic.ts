import { Decimal128 } from "bson";
import Decimal from "decimal.js";

/** IEEE 754-2008 decimal128: 34 significant digits, round half to even (as mongod). */
const DIGITS = 34;
// Exact intermediate results: sums of 34-digit operands over the whole exponent range fit easily.
const Exact = Decimal.clone({
  precision: 20000,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

const Rounded = Decimal.clone({ precision: DIGITS, rounding: Decimal.ROUND_HALF_EVEN });

/** A finite decimal as coefficient * 10^exponent, keeping the cohort (trailing zeros) of the operand. */
export interface Cohort {
  value: Decimal;
  exponent: number;
}

/** A Decimal128 (finite) or an integer as a cohort; undefined for anything else (NaN, infinities, fractions). */
export function decimalOperand(v: unknown): Cohort | undefined {
  if (typeof v === "number")
    return Number.isSafeInteger(v) ? { value: new Exact(v), exponent: 0 } : undefined;
  const type = (v as { _bsontype?: string } | null)?._bsontype;
  if (type === "Long") return { value: new Exact(String(v)), exponent: 0 };
  if (type === "Int32") return { value: new Exact(Number((v as { value: number }).value)), exponent: 0 };
  if (type !== "Decimal128") return undefined;
  const m = /^[-+]?\d*(?:\.(\d*))?(?:E([-+]?\d+))?$/i.exec(String(v));
  if (!m) return undefined;
  const [, frac = "", exp = "0"] = m;
  return { value: new Exact(String(v)), exponent: Number(exp) - frac.length };
}

export function decimalAdd(a: Cohort, b: Cohort): Decimal128 {
  return toDecimal128(a.value.plus(b.value), Math.min(a.exponent, b.exponent));
}

export function decimalMultiply(a: Cohort, b: Cohort): Decimal128 {
  return toDecimal128(a.value.times(b.value), a.exponent + b.exponent);
}

/** |a| and -a, exact (same exponent). */
export function decimalAbs(a: Cohort): Decimal128 {
  return toDecimal128(a.value.abs(), a.exponent);
}

export function decimalNegate(a: Cohort): Cohort {
  return { value: a.value.neg(), exponent: a.exponent };
}

/**
 * The exact result at the preferred exponent when its coefficient fits 34 digits; otherwise rounded
 * half-even to 34 significant digits. Throws a RangeError outside decimal128's exponent range.
 */
function toDecimal128(exact: Decimal, preferred: number): Decimal128 {
  const sign = exact.isNegative() ? "-" : "";
  const coefficient = exact.abs().times(new Exact(10).pow(-preferred));
  if (coefficient.isInteger() && coefficient.toFixed(0).length <= DIGITS)
    return Decimal128.fromString(`${sign}${coefficient.toFixed(0)}E${preferred}`);
  const rounded = exact.abs().toSignificantDigits(DIGITS, Decimal.ROUND_HALF_EVEN);
  // Leading digit at 10^e: a full 34-digit coefficient has exponent e - 33.
  const exponent = rounded.e - (DIGITS - 1);
  const digits = rounded.times(new Exact(10).pow(-exponent)).toFixed(0);
  return Decimal128.fromString(`${sign}${digits}E${exponent}`);
}

/**
 * a / b: the exact quotient at the exponent nearest the preferred one (a's minus b's) when it fits
 * 34 digits, else correctly rounded half-even to 34 digits. Undefined for a zero divisor.
 */
export function decimalDivide(a: Cohort, b: Cohort): Decimal128 | undefined {
  if (b.value.isZero()) return undefined;
  const preferred = a.exponent - b.exponent;
  const wide = a.value.div(b.value);
  if (wide.sd() <= DIGITS && wide.times(b.value).eq(a.value)) {
    const smallest = wide.isZero() ? preferred : wide.e - (wide.sd() - 1);
    return toDecimal128(wide, Math.min(preferred, smallest));
  }
  return toDecimal128(Rounded.div(a.value, b.value), preferred);
}
