import type { ObjectId } from "mongodb";

/**
 * The batch function shape shared by the relation loaders. A batch may mix keys that
 * differ in more than the id (e.g. `alerts(resolved: true)` and `alerts` on the same
 * case): keys are grouped by `variantOf`, each group is read with one query, and the
 * results are put back in key order — exactly one per key, `missing` for ids the
 * query did not return — as DataLoader requires.
 */
export async function batchByVariant<TKey, TValue>(
  keys: readonly TKey[],
  options: {
    idOf: (key: TKey) => ObjectId;
    variantOf: (key: TKey) => string;
    /** Reads one group; the map is keyed by id hex. */
    load: (ids: ObjectId[], representative: TKey) => Promise<Map<string, TValue>>;
    missing: () => TValue;
  },
): Promise<TValue[]> {
  const groups = new Map<string, { representative: TKey; ids: Map<string, ObjectId> }>();
  for (const key of keys) {
    const variant = options.variantOf(key);
    const group = groups.get(variant) ?? { representative: key, ids: new Map<string, ObjectId>() };
    const id = options.idOf(key);
    group.ids.set(id.toHexString(), id);
    groups.set(variant, group);
  }
  const results = new Map<string, Map<string, TValue>>();
  await Promise.all(
    [...groups].map(async ([variant, group]) => {
      results.set(variant, await options.load([...group.ids.values()], group.representative));
    }),
  );
  return keys.map(
    (key) => results.get(options.variantOf(key))?.get(options.idOf(key).toHexString()) ?? options.missing(),
  );
}
