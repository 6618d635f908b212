import DataLoader from "dataloader";
import type { ObjectId } from "mongodb";
import type { AlertRecord } from "../domain/alert.record";
import type { AlertRepository } from "../repositories/alert.repository";
import { batchByVariant } from "./batch-by-variant";
import { type BatchObserver, observedBatch } from "./observed-batch";

/** Case.alerts(resolved, first): the arguments are part of the key. */
export interface AlertsByCaseKey {
  caseId: ObjectId;
  resolved?: boolean;
  first: number;
}

/** The newest alerts of each case: one aggregate per batch (per distinct arguments). */
export function createAlertsByCaseLoader(
  alerts: AlertRepository,
  onBatch?: BatchObserver,
): DataLoader<AlertsByCaseKey, AlertRecord[], string> {
  const variantOf = (key: AlertsByCaseKey) => `${key.resolved ?? "any"}:${key.first}`;
  return new DataLoader(
    observedBatch(onBatch, (keys) =>
      batchByVariant(keys, {
        idOf: (key) => key.caseId,
        variantOf,
        load: (ids, { resolved, first }) => alerts.newestByCases(ids, resolved, first),
        missing: () => [],
      }),
    ),
    { cacheKeyFn: (key) => `${key.caseId.toHexString()}:${variantOf(key)}` },
  );
}
