import type { Priority } from "./priority.enum";
import type { Severity } from "./severity.enum";

/** A case to create (validated at the edge); omitted fields take the defaults of the write. */
export interface NewCaseRecord {
  title: string;
  description?: string;
  severity: Severity;
  priority?: Priority;
  assigneeId?: string;
  tags?: string[];
  metadata?: Record<string, unknown> | null;
}
