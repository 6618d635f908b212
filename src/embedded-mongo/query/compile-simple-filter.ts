import { compareValues } from "../bson/compare-values";
import { typeRank } from "../bson/type-rank";
import type { Doc } from "../storage/doc";
import { isPlainObject } from "../bson/is-plain-object";

type Predicate = (doc: Doc) => boolean;

/**
 * A matcher for the common filter shapes (top-level fields compared with scalars through $eq,
 * $ne, $gt/$gte/$lt/$lte, $in/$nin, $exists, combined with $and/$or), with MongoDB's semantics
 * including "any array element". Returns null for anything else, which mingo then evaluates.
 */
export function compileSimpleFilter(filter: Record<string, unknown>): Predicate | null {
  const parts: Predicate[] = [];
  for (const [key, cond] of Object.entries(filter)) {
    if (key === "$and" || key === "$or") {
      if (!Array.isArray(cond) || cond.length === 0) return null;
      const subs: Predicate[] = [];
      for (const c of cond) {
        const p = isPlainObject(c) ? compileSimpleFilter(c) : null;
        if (!p) return null;
        subs.push(p);
      }
      parts.push(key === "$and" ? (d) => subs.every((p) => p(d)) : (d) => subs.some((p) => p(d)));
      continue;
    }
    if (key.startsWith("$") || key.includes(".")) return null;
    const p = fieldPredicate(key, cond);
    if (!p) return null;
    parts.push(p);
  }
  if (parts.length === 1) return parts[0];
  return (doc) => {
    for (let i = 0; i < parts.length; i++) if (!parts[i](doc)) return false;
    return true;
  };
}

/** Scalars whose comparison compareValues decides exactly (no arrays, documents, regexes, decimals). */
function scalar(v: unknown): boolean {
  if (v === null) return true;
  switch (typeof v) {
    case "string":
    case "number":
    case "boolean":
      return true;
    case "object":
      if (v instanceof Date) return true;
      return (v as { _bsontype?: string })._bsontype === "ObjectId";
    default:
      return false;
  }
}

function fieldPredicate(field: string, cond: unknown): Predicate | null {
  if (!isPlainObject(cond)) return scalar(cond) ? (d) => equals(d[field], cond) : null;
  const ops = Object.keys(cond);
  if (ops.length === 0 || !ops.every((k) => k.startsWith("$"))) return null;
  const checks: Predicate[] = [];
  for (const op of ops) {
    const arg = cond[op];
    switch (op) {
      case "$eq":
        if (!scalar(arg)) return null;
        checks.push((d) => equals(d[field], arg));
        break;
      case "$ne":
        if (!scalar(arg)) return null;
        checks.push((d) => !equals(d[field], arg));
        break;
      case "$in":
      case "$nin": {
        if (!Array.isArray(arg) || !arg.every(scalar)) return null;
        const values = arg;
        const negate = op === "$nin";
        checks.push((d) => values.some((v) => equals(d[field], v)) !== negate);
        break;
      }
      case "$gt":
      case "$gte":
      case "$lt":
      case "$lte": {
        if (!scalar(arg) || arg === null) return null;
        const rank = typeRank(arg);
        const test = rangeTest(op);
        checks.push((d) => anyValue(d[field], (v) => typeRank(v) === rank && test(compareValues(v, arg))));
        break;
      }
      case "$exists": {
        const want = Boolean(arg);
        checks.push((d) => (d[field] !== undefined) === want);
        break;
      }
      default:
        return null;
    }
  }
  if (checks.length === 1) return checks[0];
  return (d) => checks.every((c) => c(d));
}

function rangeTest(op: string): (c: number) => boolean {
  switch (op) {
    case "$gt":
      return (c) => c > 0;
    case "$gte":
      return (c) => c >= 0;
    case "$lt":
      return (c) => c < 0;
    default:
      return (c) => c <= 0;
  }
}

/** A field value or any of its elements (one level, as MongoDB matches arrays). */
function anyValue(value: unknown, test: (v: unknown) => boolean): boolean {
  if (Array.isArray(value)) {
    for (const el of value) if (test(el)) return true;
    return false;
  }
  return test(value);
}

function equals(value: unknown, target: unknown): boolean {
  if (target === null) {
    if (value === undefined || value === null) return true;
    return Array.isArray(value) && value.some((el) => el === null);
  }
  if (value === target) return true;
  if (value === undefined || value === null) return false;
  return anyValue(
    value,
    (v) =>
      v !== null && v !== undefined && compareValues(v, target) === 0 && typeRank(v) === typeRank(target),
  );
}
