import DataLoader from "dataloader";
import type { ObjectId } from "mongodb";
import type { CaseStatus } from "../domain/case-status.enum";
import type { CaseRecord } from "../domain/case.record";
import type { CaseRepository } from "../repositories/case.repository";
import { batchByVariant } from "./batch-by-variant";
import { type BatchObserver, observedBatch } from "./observed-batch";

/** User.assignedCases(status, first): the arguments are part of the key. */
export interface CasesByAssigneeKey {
  assigneeId: ObjectId;
  statuses?: readonly CaseStatus[];
  first: number;
}

/** The newest cases of each assignee: one aggregate per batch (per distinct arguments). */
export function createCasesByAssigneeLoader(
  cases: CaseRepository,
  onBatch?: BatchObserver,
): DataLoader<CasesByAssigneeKey, CaseRecord[], string> {
  // Sorted, so that [OPEN, CLOSED] and [CLOSED, OPEN] share a query and a cache entry.
  const variantOf = (key: CasesByAssigneeKey) =>
    `${key.statuses ? [...new Set(key.statuses)].sort().join(",") : "any"}:${key.first}`;
  return new DataLoader(
    observedBatch(onBatch, (keys) =>
      batchByVariant(keys, {
        idOf: (key) => key.assigneeId,
        variantOf,
        load: (ids, { statuses, first }) => cases.newestByAssignees(ids, statuses, first),
        missing: () => [],
      }),
    ),
    { cacheKeyFn: (key) => `${key.assigneeId.toHexString()}:${variantOf(key)}` },
  );
}
