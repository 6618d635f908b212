import DataLoader from "dataloader";
import { storedFieldsKey } from "../db/stored-fields";
import { batchByVariant, fieldsOf, type VariantBatch } from "./batch-by-variant";
import { type BatchObserver, observedBatch } from "./observed-batch";

/**
 * A relation loader whose keys are an id plus arguments (the variant: `first`, `resolved`,
 * statuses…) and, for record lists, the stored fields the selection needs: one query per
 * batch and variant (batchByVariant), reading the union of the variant's needs.
 */
export function createVariantLoader<TKey extends object, TValue>(
  batch: VariantBatch<TKey, TValue>,
  onBatch?: BatchObserver,
): DataLoader<TKey, TValue, string> {
  return new DataLoader(
    observedBatch(onBatch, (keys) => batchByVariant(keys, batch)),
    {
      cacheKeyFn: (key) =>
        `${batch.idOf(key).toHexString()}:${batch.variantOf(key)}:${storedFieldsKey(fieldsOf(key))}`,
    },
  );
}
