import DataLoader from "dataloader";
import type { ObjectId } from "mongodb";
import type { CaseRepository } from "../repositories/case.repository";
import { objectIdCacheKey } from "./object-id-cache-key";
import { type BatchObserver, observedBatch } from "./observed-batch";

/** User.openCaseCount: one `$group` aggregate per batch of users; 0 for none. */
export function createOpenCaseCountByAssigneeLoader(
  cases: CaseRepository,
  onBatch?: BatchObserver,
): DataLoader<ObjectId, number, string> {
  return new DataLoader(
    observedBatch(onBatch, async (ids) => {
      const counts = await cases.countOpenByAssignees(ids);
      return ids.map((id) => counts.get(id.toHexString()) ?? 0);
    }),
    { cacheKeyFn: objectIdCacheKey },
  );
}
