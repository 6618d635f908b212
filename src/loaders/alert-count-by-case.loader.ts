import type DataLoader from "dataloader";
import type { ObjectId } from "mongodb";
import type { AlertRepository } from "../repositories/alert.repository";
import type { BatchObserver } from "./observed-batch";
import { createVariantLoader } from "./variant-loader";

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
  return createVariantLoader<AlertCountByCaseKey, number>(
    {
      idOf: (key) => key.caseId,
      variantOf: (key) => String(key.resolved ?? "any"),
      load: (ids, { resolved }) => alerts.countByCases(ids, resolved),
      missing: () => 0,
    },
    onBatch,
  );
}
