import type DataLoader from "dataloader";
import type { ObjectId } from "mongodb";
import type { CaseStatus } from "../domain/case-status.enum";
import type { CaseRecord } from "../domain/case.record";
import type { CaseRepository } from "../repositories/case.repository";
import { createNewestPerGroupLoader, type NewestPerGroupKey } from "./newest-per-group.loader";
import type { BatchObserver } from "./observed-batch";

/** User.assignedCases(status, first): the arguments are part of the key, and the stored fields the selection needs. */
export interface CasesByAssigneeKey extends NewestPerGroupKey {
  assigneeId: ObjectId;
  statuses?: readonly CaseStatus[];
}

/** The newest cases of each assignee: one aggregate per batch (per distinct arguments). */
export function createCasesByAssigneeLoader(
  cases: CaseRepository,
  onBatch?: BatchObserver,
): DataLoader<CasesByAssigneeKey, CaseRecord[], string> {
  return createNewestPerGroupLoader<CasesByAssigneeKey, CaseRecord>(
    {
      groupOf: (key) => key.assigneeId,
      // Sorted, so that [OPEN, CLOSED] and [CLOSED, OPEN] share a query and a cache entry.
      filterOf: (key) => (key.statuses ? [...new Set(key.statuses)].sort().join(",") : "any"),
      load: (ids, { statuses, first }, fields) => cases.newestByAssignees(ids, statuses, first, fields),
    },
    onBatch,
  );
}
