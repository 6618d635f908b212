import type { Filter } from "mongodb";
import type { UserDocument } from "../db/user.document";
import type { UserFilter } from "../../schema/inputs/user-filter.input";
import { allOf } from "./all-of";

/** The MongoDB filter for a UserFilter. */
export function userFilterQuery(filter: UserFilter | null | undefined): Filter<UserDocument> {
  if (!filter) return {};
  const conditions: Filter<UserDocument>[] = [];
  if (filter.role) conditions.push({ role: { $in: filter.role } });
  return allOf(conditions);
}
