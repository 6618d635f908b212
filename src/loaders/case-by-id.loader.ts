import DataLoader from "dataloader";
import type { ObjectId } from "mongodb";
import type { CaseRecord } from "../domain/case.record";
import type { CaseRepository } from "../repositories/case.repository";
import { objectIdCacheKey } from "./object-id-cache-key";
import { type BatchObserver, observedBatch } from "./observed-batch";

/** Cases by id (Query.case, Alert.case): one `find _id $in` per batch; null for a miss. */
export function createCaseByIdLoader(
  cases: CaseRepository,
  onBatch?: BatchObserver,
): DataLoader<ObjectId, CaseRecord | null, string> {
  return new DataLoader(
    observedBatch(onBatch, async (ids) => {
      const found = new Map((await cases.findByIds(ids)).map((node) => [node.id, node]));
      return ids.map((id) => found.get(id.toHexString()) ?? null);
    }),
    { cacheKeyFn: objectIdCacheKey },
  );
}
