import type { ObjectId } from "mongodb";

/** DataLoader cacheKeyFn for ObjectId keys: two ObjectId instances of one id are one key. */
export function objectIdCacheKey(id: ObjectId): string {
  return id.toHexString();
}
