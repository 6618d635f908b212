import DataLoader from "dataloader";
import type { ObjectId } from "mongodb";
import { type StoredFields, storedFieldsKey, unionOfStoredFields } from "../db/stored-fields";
import { type BatchObserver, observedBatch } from "./observed-batch";

/** Reads the records with these ids that exist, each with at least `fields` (in any order). */
export type FindByIds<TRecord> = (ids: readonly ObjectId[], fields: StoredFields) => Promise<TRecord[]>;

interface ByIdKey {
  id: ObjectId;
  fields: StoredFields;
}

/**
 * Records by id (Query.case, Case.assignee, Alert.case…): one `find _id $in` per batch,
 * null for a miss. A load names the stored fields its selection needs (none: the whole
 * document); the batch reads the union of its loads' needs, once, so loads of one id with
 * different selections share the query, and each caches under (id, its need). A record
 * primed after a write (stale-loaders.ts) answers every need of its id.
 */
export class ByIdLoader<TRecord extends { id: string }> {
  private readonly loader: DataLoader<ByIdKey, TRecord | null, string>;
  /** The needs loaded so far, to clear an id under each. */
  private readonly needs = new Map<string, StoredFields>();
  /** Whole records primed after writes, by id hex. */
  private readonly primed = new Map<string, TRecord | null>();

  constructor(find: FindByIds<TRecord>, onBatch?: BatchObserver) {
    this.loader = new DataLoader(
      observedBatch(onBatch, async (keys) => {
        const ids = [...new Map(keys.map((key) => [key.id.toHexString(), key.id])).values()];
        const records = await find(ids, unionOfStoredFields(keys.map((key) => key.fields)));
        const found = new Map(records.map((record) => [record.id, record]));
        return keys.map((key) => found.get(key.id.toHexString()) ?? null);
      }),
      { cacheKeyFn: (key) => `${key.id.toHexString()}/${storedFieldsKey(key.fields)}` },
    );
  }

  load(id: ObjectId, fields?: StoredFields): Promise<TRecord | null> {
    const hex = id.toHexString();
    if (this.primed.has(hex)) return Promise.resolve(this.primed.get(hex)!);
    this.needs.set(storedFieldsKey(fields), fields);
    return this.loader.load({ id, fields });
  }

  /** Forgets what was loaded for `id`, under every need. */
  clear(id: ObjectId): this {
    this.primed.delete(id.toHexString());
    for (const fields of this.needs.values()) this.loader.clear({ id, fields });
    return this;
  }

  /** Answers later loads of `id`, whatever their need, with this whole record (or null: gone). */
  prime(id: ObjectId, record: TRecord | null): this {
    this.primed.set(id.toHexString(), record);
    return this;
  }

  clearAll(): this {
    this.primed.clear();
    this.loader.clearAll();
    return this;
  }
}
