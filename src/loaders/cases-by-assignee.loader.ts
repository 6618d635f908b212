import type DataLoader from "dataloader";
import type { ObjectId } from "mongodb";
import type { CaseStatus } from "../domain/case-status.enum";
import type { CaseRecord } from "../domain/case.record";
import type { StoredFields } from "../db/stored-fields";
import type { CaseRepository } from "../repositories/case.repository";
import type { BatchObserver } from "./observed-batch";
import { createVariantLoader } from "./variant-loader";

/** User.assignedCases(status, first): the arguments are part of the key, and the stored fields the selection needs. */
export interface CasesByAssigneeKey {
  assigneeId: ObjectId;
  statuses?: readonly CaseStatus[];
  first: number;
  fields?: StoredFields;
}

/** The newest cases of each assignee: one aggregate per batch (per distinct arguments). */
export function createCasesByAssigneeLoader(
  cases: CaseRepository,
  onBatch?: BatchObserver,
): DataLoader<CasesByAssigneeKey, CaseRecord[], string> {
  return createVariantLoader<CasesByAssigneeKey, CaseRecord[]>(
    {
      idOf: (key) => key.assigneeId,
      // Sorted, so that [OPEN, CLOSED] and [CLOSED, OPEN] share a query and a cache entry.
      variantOf: (key) =>
        `${key.statuses ? [...new Set(key.statuses)].sort().join(",") : "any"}:${key.first}`,
      load: (ids, { statuses, first }, fields) => cases.newestByAssignees(ids, statuses, first, fields),
      missing: () => [],
    },
    onBatch,
  );
}
