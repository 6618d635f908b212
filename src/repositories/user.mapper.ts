import type { UserDocument } from "../db/user.document";
import type { UserRecord } from "../domain/user.record";
import type { StoredFieldTable } from "../db/stored-fields";

/**
 * The stored fields each field of a user reads, by GraphQL field name (as CASE_STORED_FIELDS).
 * `email`'s rule (ADMIN or the user themself) compares the caller with `id`, i.e. `_id`.
 */
export const USER_STORED_FIELDS: StoredFieldTable = {
  id: [],
  email: ["email"],
  name: ["name"],
  role: ["role"],
  settings: ["settings"],
  createdAt: ["created_at"],
  lastLogin: ["last_login"],
  assignedCases: [],
  openCaseCount: [],
};

/** The one place a `users` document (snake_case, as stored) becomes a UserRecord. */
export function toUser(document: UserDocument): UserRecord {
  return {
    objectId: document._id,
    id: document._id.toHexString(),
    email: document.email,
    name: document.name,
    role: document.role,
    settings: document.settings ?? {},
    createdAt: document.created_at,
    lastLogin: document.last_login ?? null,
  };
}
