import DataLoader from "dataloader";
import type { ObjectId } from "mongodb";
import type { AlertRepository } from "../repositories/alert.repository";
import { batchByVariant } from "./batch-by-variant";
import { type BatchObserver, observedBatch } from "./observed-batch";

/** Case.alertCount(resolved): the argument is part of the key. */
export interface AlertCountByCaseKey {
  caseId: ObjectId;
  resolved?: boolean;
}

/** Alert counts per case: one `$group` aggregate per batch (per distinct `resolved`). */
export function createAlertCountByCaseLoader(
  alerts: AlertRepository,
  onBatch?: BatchObserver,
): DataLoader<AlertCountByCaseKey, number, string> {
  const variantOf = (key: AlertCountByCaseKey) => String(key.resolved ?? "any");
  return new DataLoader(
    observedBatch(onBatch, (keys) =>
      batchByVariant(keys, {
        idOf: (key) => key.caseId,
        variantOf,
        load: (ids, { resolved }) => alerts.countByCases(ids, resolved),
        missing: () => 0,
      }),
    ),
    { cacheKeyFn: (key) => `${key.caseId.toHexString()}:${variantOf(key)}` },
  );
}
