/**
 * The value of a BSON number (plain number, bigint, Int32, Double, Long, Decimal128) as a JS
 * number, or undefined for anything else. Long and Decimal128 lose precision past 2^53, which is
 * acceptable for schema bounds.
 */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (value === null || typeof value !== "object") return undefined;
  const wrapped = value as { _bsontype?: unknown; valueOf(): unknown; toNumber?: () => number };
  switch (wrapped._bsontype) {
    case "Int32":
    case "Double":
      return Number(wrapped.valueOf());
    case "Long":
      return wrapped.toNumber?.();
    case "Decimal128":
      return Number(String(value));
    default:
      return undefined;
  }
}
