import type DataLoader from "dataloader";
import type { ObjectId } from "mongodb";
import type { AlertRecord } from "../domain/alert.record";
import type { AlertRepository } from "../repositories/alert.repository";
import { createNewestPerGroupLoader, type NewestPerGroupKey } from "./newest-per-group.loader";
import type { BatchObserver } from "./observed-batch";

/** Case.alerts(resolved, first): the arguments are part of the key, and the stored fields the selection needs. */
export interface AlertsByCaseKey extends NewestPerGroupKey {
  caseId: ObjectId;
  resolved?: boolean;
}

/** The newest alerts of each case: one aggregate per batch (per distinct arguments). */
export function createAlertsByCaseLoader(
  alerts: AlertRepository,
  onBatch?: BatchObserver,
): DataLoader<AlertsByCaseKey, AlertRecord[], string> {
  return createNewestPerGroupLoader<AlertsByCaseKey, AlertRecord>(
    {
      groupOf: (key) => key.caseId,
      filterOf: (key) => String(key.resolved ?? "any"),
      load: (ids, { resolved, first }, fields) => alerts.newestByCases(ids, resolved, first, fields),
    },
    onBatch,
  );
}
