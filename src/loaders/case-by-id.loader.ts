import type { CaseRecord } from "../domain/case.record";
import type { CaseRepository } from "../repositories/case.repository";
import { ByIdLoader } from "./by-id.loader";
import type { BatchObserver } from "./observed-batch";

/** Cases by id (Query.case, Alert.case): one `find _id $in` per batch; null for a miss. */
export function createCaseByIdLoader(cases: CaseRepository, onBatch?: BatchObserver): ByIdLoader<CaseRecord> {
  return new ByIdLoader((ids, fields) => cases.findByIds(ids, fields), onBatch);
}
