import { isPlainObject } from "../bson/is-plain-object";
import { typeRank } from "../bson/type-rank";
import type { FieldPredicate } from "./field-predicate";

/**
 * Collects, from the top-level conjunction of a filter, the per-field equality and range
 * conditions an index can serve. Anything else is ignored, which only widens the candidate
 * set: the full filter is always re-applied to fetched documents.
 */
export function extractPredicates(filter: Record<string, unknown>): Map<string, FieldPredicate> {
  const out = new Map<string, FieldPredicate>();
  collect(filter, out);
  return out;
}

function collect(filter: Record<string, unknown>, out: Map<string, FieldPredicate>): void {
  for (const [key, cond] of Object.entries(filter)) {
    if (key === "$and" && Array.isArray(cond)) {
      for (const part of cond) if (isPlainObject(part)) collect(part, out);
      continue;
    }
    if (key.startsWith("$")) continue;
    const pred = predicateFor(cond);
    if (!pred) continue;
    const prev = out.get(key);
    out.set(key, prev ? merge(prev, pred) : pred);
  }
}

function merge(a: FieldPredicate, b: FieldPredicate): FieldPredicate {
  return { eq: a.eq ?? b.eq, lower: a.lower ?? b.lower, upper: a.upper ?? b.upper };
}

function isOperatorObject(v: Record<string, unknown>): boolean {
  const keys = Object.keys(v);
  return keys.length > 0 && keys[0].startsWith("$");
}

/** Values an index key can be compared with exactly: no arrays or regexes (Decimal128 compares exactly). */
function indexable(v: unknown): boolean {
  if (v === undefined || Array.isArray(v) || v instanceof RegExp) return false;
  if (v !== null && typeof v === "object") {
    const t = (v as { _bsontype?: string })._bsontype;
    if (t === "BSONRegExp" || t === "MinKey" || t === "MaxKey") return false;
  }
  return true;
}

function rangeOperand(v: unknown): boolean {
  return indexable(v) && v !== null && !isPlainObject(v);
}

function predicateFor(cond: unknown): FieldPredicate | null {
  if (!isPlainObject(cond) || !isOperatorObject(cond)) {
    return indexable(cond) ? { eq: [cond] } : null;
  }
  const pred: FieldPredicate = {};
  for (const [op, arg] of Object.entries(cond)) {
    switch (op) {
      case "$eq":
        if (indexable(arg)) pred.eq = [arg];
        break;
      case "$in":
        if (Array.isArray(arg) && arg.every(indexable)) pred.eq = arg;
        break;
      case "$gt":
      case "$gte":
        if (rangeOperand(arg)) pred.lower = { value: arg, inclusive: op === "$gte" };
        break;
      case "$lt":
      case "$lte":
        if (rangeOperand(arg)) pred.upper = { value: arg, inclusive: op === "$lte" };
        break;
      default:
        break;
    }
  }
  // Bounds of different types never meet (type bracketing); keep only the lower one.
  if (pred.lower && pred.upper && typeRank(pred.lower.value) !== typeRank(pred.upper.value))
    delete pred.upper;
  return pred.eq || pred.lower || pred.upper ? pred : null;
}
