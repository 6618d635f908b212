import type { UserRecord } from "../domain/user.record";
import type { UserRepository } from "../repositories/user.repository";
import { ByIdLoader } from "./by-id.loader";
import type { BatchObserver } from "./observed-batch";

/** Users by id (Case.assignee, Query.user, me): one `find _id $in` per batch; null for a dangling reference. */
export function createUserByIdLoader(users: UserRepository, onBatch?: BatchObserver): ByIdLoader<UserRecord> {
  return new ByIdLoader((ids, fields) => users.findByIds(ids, fields), onBatch);
}
