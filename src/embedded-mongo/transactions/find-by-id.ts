import type { Collection } from "../storage/collection";

/** The record id of the document with this _id, or undefined. */
export function ridById(coll: Collection, id: unknown): number | undefined {
  const entries = coll.idIndex.entries;
  for (const [key, rid] of entries.scan({ key: id, rid: -Infinity }, { key: id, rid: Infinity }, false)) {
    if (coll.idIndex.compareKeys(key, id) === 0) return rid;
  }
  return undefined;
}
