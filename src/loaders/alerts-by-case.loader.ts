import type DataLoader from "dataloader";
import type { ObjectId } from "mongodb";
import type { AlertRecord } from "../domain/alert.record";
import type { StoredFields } from "../db/stored-fields";
import type { AlertRepository } from "../repositories/alert.repository";
import type { BatchObserver } from "./observed-batch";
import { createVariantLoader } from "./variant-loader";

/** Case.alerts(resolved, first): the arguments are part of the key, and the stored fields the selection needs. */
export interface AlertsByCaseKey {
  caseId: ObjectId;
  resolved?: boolean;
  first: number;
  fields?: StoredFields;
}

/** The newest alerts of each case: one aggregate per batch (per distinct arguments). */
export function createAlertsByCaseLoader(
  alerts: AlertRepository,
  onBatch?: BatchObserver,
): DataLoader<AlertsByCaseKey, AlertRecord[], string> {
  return createVariantLoader<AlertsByCaseKey, AlertRecord[]>(
    {
      idOf: (key) => key.caseId,
      variantOf: (key) => `${key.resolved ?? "any"}:${key.first}`,
      load: (ids, { resolved, first }, fields) => alerts.newestByCases(ids, resolved, first, fields),
      missing: () => [],
    },
    onBatch,
  );
}
