import { ObjectId, type Document } from "mongodb";
import type { FieldChange } from "./audit-log.document";

/**
 * Fields never listed as changes: the identity, and the bookkeeping timestamps — the
 * audit entry's own created_at is the time of the write.
 */
const UNLISTED = new Set(["_id", "created_at", "updated_at"]);

/**
 * The `changes` of an audit entry: every stored field whose value differs between
 * `before` and `after` (null for a document that does not exist, i.e. before a create
 * or after a delete), with a missing field counting as null.
 */
export function fieldChanges(before: Document | null, after: Document | null): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const field of fields) {
    if (UNLISTED.has(field)) continue;
    const was = before?.[field] ?? null;
    const is = after?.[field] ?? null;
    if (!sameValue(was, is)) changes[field] = { before: was, after: is };
  }
  return changes;
}

/** Deep equality of stored values: ObjectIds and Dates by value, objects key by key in order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof ObjectId || b instanceof ObjectId) {
    return a instanceof ObjectId && b instanceof ObjectId && a.equals(b);
  }
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => sameValue(item, b[index]))
    );
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return (
      keysA.length === keysB.length &&
      keysA.every(
        (key, index) =>
          keysB[index] === key &&
          sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
      )
    );
  }
  return false;
}
