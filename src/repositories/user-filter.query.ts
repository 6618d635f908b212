import type { Filter } from "mongodb";
import type { UserDocument } from "../db/user.document";
import type { UserFilterCriteria } from "../domain/user-filter.criteria";
import { allOf } from "./all-of";

/** The MongoDB filter for a UserFilter. */
export function userFilterQuery(filter: UserFilterCriteria | null | undefined): Filter<UserDocument> {
  if (!filter) return {};
  const conditions: Filter<UserDocument>[] = [];
  if (filter.role) conditions.push({ role: { $in: filter.role } });
  return allOf(conditions);
}
