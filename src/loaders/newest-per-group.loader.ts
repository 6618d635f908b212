import type DataLoader from "dataloader";
import type { ObjectId } from "mongodb";
import type { StoredFields } from "../db/stored-fields";
import type { BatchObserver } from "./observed-batch";
import { createVariantLoader } from "./variant-loader";

/** What every key of a newest-per-group relation carries besides its group and filter. */
export interface NewestPerGroupKey {
  /** How many records of the group, newest first. */
  first: number;
  /** The stored fields the selection needs (undefined: whole documents). */
  fields?: StoredFields;
}

/** How one newest-per-group relation reads its groups (a repository's newestPerGroup query). */
export interface NewestPerGroupRelation<TKey extends NewestPerGroupKey, TRecord> {
  groupOf: (key: TKey) => ObjectId;
  /** The key's filter arguments as text: keys with equal filters and `first` share a query. */
  filterOf: (key: TKey) => string;
  load: (groupIds: ObjectId[], representative: TKey, fields: StoredFields) => Promise<Map<string, TRecord[]>>;
}

/**
 * The newest records of each group (Case.alerts, User.assignedCases): one aggregate per batch
 * and distinct (filter, first); an empty list for a group without records.
 */
export function createNewestPerGroupLoader<TKey extends NewestPerGroupKey, TRecord>(
  relation: NewestPerGroupRelation<TKey, TRecord>,
  onBatch?: BatchObserver,
): DataLoader<TKey, TRecord[], string> {
  return createVariantLoader<TKey, TRecord[]>(
    {
      idOf: relation.groupOf,
      variantOf: (key) => `${relation.filterOf(key)}:${key.first}`,
      load: relation.load,
      missing: () => [],
    },
    onBatch,
  );
}
