import type DataLoader from "dataloader";

/** Told the number of keys of each batch a loader dispatches (the dataloader_batch_size metric). */
export type BatchObserver = (keys: number) => void;

/** A batch function that reports its batch sizes to `onBatch` first (unchanged without one). */
export function observedBatch<K, V>(
  onBatch: BatchObserver | undefined,
  batch: DataLoader.BatchLoadFn<K, V>,
): DataLoader.BatchLoadFn<K, V> {
  if (!onBatch) return batch;
  return (keys) => {
    onBatch(keys.length);
    return batch(keys);
  };
}
