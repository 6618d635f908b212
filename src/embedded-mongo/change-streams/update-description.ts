import { isPlainObject } from "../bson/is-plain-object";
import { bsonValuesEqual } from "../validation/bson-values-equal";
import type { Doc } from "../storage/doc";

/** The `updateDescription` of an update event. */
export interface UpdateDescription {
  updatedFields: Record<string, unknown>;
  removedFields: string[];
  truncatedArrays: { field: string; newSize: number }[];
}

/**
 * Derives an update's description from the document before and after, as mongod reports it:
 * dotted paths into embedded documents, `array.N` for changed or appended elements, and
 * `truncatedArrays` for arrays that shrank.
 */
export function updateDescriptionOf(before: Doc, after: Doc): UpdateDescription {
  const out: UpdateDescription = { updatedFields: {}, removedFields: [], truncatedArrays: [] };
  diffObjects(before, after, "", out);
  return out;
}

function diffObjects(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  prefix: string,
  out: UpdateDescription,
) {
  for (const key of Object.keys(b)) {
    const path = prefix + key;
    if (!Object.prototype.hasOwnProperty.call(a, key)) out.updatedFields[path] = b[key];
    else diffValues(a[key], b[key], path, out);
  }
  for (const key of Object.keys(a)) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) out.removedFields.push(prefix + key);
  }
}

function diffValues(x: unknown, y: unknown, path: string, out: UpdateDescription): void {
  if (isPlainObject(x) && isPlainObject(y)) {
    diffObjects(x, y, `${path}.`, out);
    return;
  }
  if (Array.isArray(x) && Array.isArray(y)) {
    if (y.length < x.length) out.truncatedArrays.push({ field: path, newSize: y.length });
    for (let i = 0; i < y.length; i++) {
      if (i >= x.length) out.updatedFields[`${path}.${i}`] = y[i];
      else diffValues(x[i], y[i], `${path}.${i}`, out);
    }
    return;
  }
  if (!sameValue(x, y)) out.updatedFields[path] = y;
}

/** Equal values of the same BSON type (an int that became a double counts as updated). */
function sameValue(x: unknown, y: unknown): boolean {
  if (typeof x !== typeof y) return false;
  return bsonValuesEqual(x, y);
}
