import type { ObjectId } from "mongodb";
import type { UserRole } from "../domain/user-role.enum";

/** A `users` document as MongoDB stores it (snake_case). */
export interface UserDocument {
  _id: ObjectId;
  email: string;
  name: string;
  role: UserRole;
  settings: Record<string, unknown>;
  created_at: Date;
  last_login: Date | null;
  /** Time of the last write through the API (absent on documents it never wrote). */
  updated_at?: Date | null;
}
