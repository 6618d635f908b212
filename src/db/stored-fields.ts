import type { Document } from "mongodb";

/**
 * The stored (snake_case) fields a read must return, besides `_id` which every read
 * returns; `undefined` means the whole document. Sorted and without repeats, so that
 * equal needs have equal keys.
 */
export type StoredFields = readonly string[] | undefined;

/** Stored fields from any list of names (sorted, repeats dropped). */
export function storedFields(names: Iterable<string>): readonly string[] {
  return [...new Set(names)].sort();
}

/** What two or more reads need together: the union, or the whole document if any needs it. */
export function unionOfStoredFields(needs: Iterable<StoredFields>): StoredFields {
  const union = new Set<string>();
  for (const need of needs) {
    if (need === undefined) return undefined;
    for (const name of need) union.add(name);
  }
  return storedFields(union);
}

/** A cache key part that tells needs apart ("*" for the whole document). */
export function storedFieldsKey(fields: StoredFields): string {
  return fields === undefined ? "*" : fields.join(",");
}

/** The find projection of a need, with `extra` fields the read itself uses; none for the whole document. */
export function projectionOf(fields: StoredFields, ...extra: string[]): Document | undefined {
  if (fields === undefined) return undefined;
  const projection: Document = {};
  for (const name of [...fields, ...extra]) projection[name] = 1;
  return projection;
}

/**
 * For one record type, the stored fields each of its fields reads (the field's resolver
 * included: `assignee` reads the stored `assignee` reference, `alerts` only `_id`), keyed
 * by the GraphQL field name. A selected field the table does not list makes the read
 * return the whole document: a field added to a type without a row here is served, only
 * not projected.
 */
export interface StoredFieldTable {
  readonly [field: string]: readonly string[];
}
