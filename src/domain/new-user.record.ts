import type { UserRole } from "./user-role.enum";

/** A user to create (validated at the edge). */
export interface NewUserRecord {
  email: string;
  name: string;
  role: UserRole;
  settings?: Record<string, unknown> | null;
}
