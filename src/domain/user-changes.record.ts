/** The fields of a user to set; absent ones stay (validated at the edge: at least one). */
export interface UserChangesRecord {
  name?: string;
  settings?: Record<string, unknown>;
}
