import type { ObjectId } from "mongodb";
import type { UserRole } from "./user-role.enum";

/** Someone who works cases; toUser builds it from a `users` document. */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  settings: Record<string, unknown>;
  createdAt: Date;
  lastLogin: Date | null;
  objectId: ObjectId;
}
