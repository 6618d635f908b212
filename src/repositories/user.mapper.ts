import type { UserDocument } from "../db/user.document";
import type { UserRecord } from "../domain/user.record";

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
