import type { UserRole } from "./user-role.enum";

/** Conditions a user must all meet. */
export interface UserFilterCriteria {
  /** Any of these roles (an empty list matches nothing). */
  role?: UserRole[];
}
