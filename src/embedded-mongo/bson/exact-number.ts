/**
 * An exact rational view of a BSON number: value = sign * num / den with bigint parts, so a
 * Decimal128, an Int64 and a double compare exactly as mongod compares them. NaN and the
 * infinities are returned as JS numbers.
 */
export type ExactNumber = { num: bigint; den: bigint } | number;

const TWO = BigInt(2);
const TEN = BigInt(10);

/** A Decimal128 (by its canonical string), a Long, a bigint or a double as an exact rational. */
export function exactNumber(v: unknown): ExactNumber {
  if (typeof v === "bigint") return { num: v, den: BigInt(1) };
  if (typeof v === "number") return exactDouble(v);
  const type = (v as { _bsontype?: string })._bsontype;
  if (type === "Long") return { num: (v as { toBigInt(): bigint }).toBigInt(), den: BigInt(1) };
  if (type === "Decimal128") return exactDecimal(String(v));
  return exactDouble(Number((v as { valueOf(): unknown }).valueOf()));
}

function exactDouble(x: number): ExactNumber {
  if (!Number.isFinite(x)) return x;
  if (Number.isInteger(x)) return { num: BigInt(x), den: BigInt(1) };
  // Every finite double is m * 2^e exactly; doubling until integral finds them.
  let den = BigInt(1);
  let scaled = x;
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    den *= TWO;
  }
  return { num: BigInt(scaled), den };
}

function exactDecimal(text: string): ExactNumber {
  if (/^[-+]?(Inf|Infinity)$/i.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
  if (/NaN/i.test(text)) return NaN;
  const m = /^([-+]?)(\d*)(?:\.(\d*))?(?:E([-+]?\d+))?$/i.exec(text);
  if (!m) return NaN;
  const [, sign, int, frac = "", exp = "0"] = m;
  const digits = BigInt((int || "0") + frac) * (sign === "-" ? BigInt(-1) : BigInt(1));
  const e = Number(exp) - frac.length;
  return e >= 0
    ? { num: digits * TEN ** BigInt(e), den: BigInt(1) }
    : { num: digits, den: TEN ** BigInt(-e) };
}

/** Compares two exact numbers (NaN first, as MongoDB sorts it). */
export function compareExact(a: ExactNumber, b: ExactNumber): number {
  if (typeof a === "number" || typeof b === "number") {
    const x = typeof a === "number" ? a : approx(a);
    const y = typeof b === "number" ? b : approx(b);
    const xn = Number.isNaN(x);
    const yn = Number.isNaN(y);
    if (xn || yn) return xn === yn ? 0 : xn ? -1 : 1;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

// Only the sign and infinities matter when one side is infinite, so an approximation is enough.
function approx(v: { num: bigint; den: bigint }): number {
  return v.num === BigInt(0) ? 0 : v.num > BigInt(0) ? 1 : -1;
}
