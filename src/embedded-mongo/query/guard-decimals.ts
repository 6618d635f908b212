import { UnsupportedDecimalError } from "../errors/unsupported-decimal-error";
import type { Collection } from "../storage/collection";

/**
 * Decimal128 is stored exactly, but mingo compares and computes with plain JS numbers: refuse
 * filters, sorts and pipelines that would compare or compute with Decimal128 values rather
 * than return a wrong answer.
 */
export function guardDecimals(coll: Collection | undefined, ...specs: unknown[]): void {
  for (const spec of specs) {
    if (containsDecimal(spec))
      throw new UnsupportedDecimalError("Decimal128 operands in queries or expressions");
  }
  if (!coll || coll.decimalFields.size === 0) return;
  for (const spec of specs) {
    const field = referencedField(spec, coll.decimalFields);
    if (field)
      throw new UnsupportedDecimalError(`queries, sorts or expressions over the Decimal128 field '${field}'`);
  }
}

function containsDecimal(v: unknown): boolean {
  if (v === null || typeof v !== "object") return false;
  if ((v as { _bsontype?: string })._bsontype === "Decimal128") return true;
  if (Array.isArray(v)) return v.some(containsDecimal);
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  return Object.values(v as Record<string, unknown>).some(containsDecimal);
}

/** A decimal field named by a key ("price", "price.x") or a field path string ("$price"). */
function referencedField(v: unknown, fields: Set<string>): string | undefined {
  if (typeof v === "string") {
    if (v.startsWith("$") && !v.startsWith("$$")) return hit(v.slice(1), fields);
    return undefined;
  }
  if (v === null || typeof v !== "object") return undefined;
  if (Array.isArray(v)) {
    for (const x of v) {
      const f = referencedField(x, fields);
      if (f) return f;
    }
    return undefined;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return undefined;
  for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
    // $exists/$type on a decimal field are fine: they do not compare values.
    if (!key.startsWith("$")) {
      const f = hit(key, fields);
      if (f && !isTypeOnlyCondition(value)) return f;
    }
    const f = referencedField(value, fields);
    if (f) return f;
  }
  return undefined;
}

function hit(path: string, fields: Set<string>): string | undefined {
  const top = path.split(".")[0];
  return fields.has(top) ? top : undefined;
}

function isTypeOnlyCondition(v: unknown): boolean {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => k === "$exists" || k === "$type");
}
