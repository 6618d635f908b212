import type { CaseStatus } from "./case-status.enum";
import type { Priority } from "./priority.enum";
import type { Severity } from "./severity.enum";

/** Conditions a case must all meet (validated at the edge: ids are 24-digit hex). */
export interface CaseFilterCriteria {
  status?: CaseStatus[];
  severity?: Severity[];
  priority?: Priority[];
  assigneeId?: string;
  /** true: only cases nobody is assigned to; false: only assigned cases. */
  unassigned?: boolean;
  tagsAny?: string[];
  tagsAll?: string[];
  createdAfter?: Date;
  createdBefore?: Date;
  updatedAfter?: Date;
  updatedBefore?: Date;
}
