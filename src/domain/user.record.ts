import type { StoredEntityRecord } from "./stored-entity.record";
import type { UserRole } from "./user-role.enum";

/** Someone who works cases; toUser builds it from a `users` document. */
export interface UserRecord extends StoredEntityRecord {
  email: string;
  name: string;
  role: UserRole;
  settings: Record<string, unknown>;
  createdAt: Date;
  lastLogin: Date | null;
}
