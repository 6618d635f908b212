import type { ObjectId } from "mongodb";
import { type StoredFields, unionOfStoredFields } from "../db/stored-fields";

/** How a relation loader groups a batch and reads one group. */
export interface VariantBatch<TKey extends object, TValue> {
  idOf: (key: TKey) => ObjectId;
  variantOf: (key: TKey) => string;
  /**
   * Reads one group; the map is keyed by id hex. `fields`: the union of the group's
   * needs (undefined: whole documents).
   */
  load: (ids: ObjectId[], representative: TKey, fields: StoredFields) => Promise<Map<string, TValue>>;
  missing: () => TValue;
}

/**
 * The batch function shape shared by the relation loaders. A batch may mix keys that
 * differ in more than the id (e.g. `alerts(resolved: true)` and `alerts` on the same
 * case): keys are grouped by `variantOf`, each group is read with one query, and the
 * results are put back in key order — exactly one per key, `missing` for ids the
 * query did not return — as DataLoader requires.
 */
export async function batchByVariant<TKey extends object, TValue>(
  keys: readonly TKey[],
  options: VariantBatch<TKey, TValue>,
): Promise<TValue[]> {
  const groups = new Map<string, { keys: TKey[]; ids: Map<string, ObjectId> }>();
  for (const key of keys) {
    const variant = options.variantOf(key);
    const group = groups.get(variant) ?? { keys: [], ids: new Map<string, ObjectId>() };
    const id = options.idOf(key);
    group.ids.set(id.toHexString(), id);
    group.keys.push(key);
    groups.set(variant, group);
  }
  const results = new Map<string, Map<string, TValue>>();
  await Promise.all(
    [...groups].map(async ([variant, group]) => {
      const fields = unionOfStoredFields(group.keys.map(fieldsOf));
      results.set(variant, await options.load([...group.ids.values()], group.keys[0]!, fields));
    }),
  );
  return keys.map(
    (key) => results.get(options.variantOf(key))?.get(options.idOf(key).toHexString()) ?? options.missing(),
  );
}

/** The stored fields a key's selection needs: its `fields`, when its type has them (undefined: whole documents). */
export function fieldsOf(key: object): StoredFields {
  return (key as { fields?: StoredFields }).fields;
}
