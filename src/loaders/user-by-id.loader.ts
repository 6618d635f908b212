import DataLoader from "dataloader";
import type { ObjectId } from "mongodb";
import type { UserRecord } from "../domain/user.record";
import type { UserRepository } from "../repositories/user.repository";
import { objectIdCacheKey } from "./object-id-cache-key";
import { type BatchObserver, observedBatch } from "./observed-batch";

/** Users by id (Case.assignee): one `find _id $in` per batch; null for a dangling reference. */
export function createUserByIdLoader(
  users: UserRepository,
  onBatch?: BatchObserver,
): DataLoader<ObjectId, UserRecord | null, string> {
  return new DataLoader(
    observedBatch(onBatch, async (ids) => {
      const found = new Map((await users.findByIds(ids)).map((user) => [user.id, user]));
      return ids.map((id) => found.get(id.toHexString()) ?? null);
    }),
    { cacheKeyFn: objectIdCacheKey },
  );
}
