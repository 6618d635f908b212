import type { Priority } from "./priority.enum";
import type { Severity } from "./severity.enum";

/** The fields of a case to set; absent ones stay (validated at the edge: at least one). */
export interface CaseChangesRecord {
  title?: string;
  description?: string;
  severity?: Severity;
  priority?: Priority;
  tags?: string[];
  metadata?: Record<string, unknown>;
}
