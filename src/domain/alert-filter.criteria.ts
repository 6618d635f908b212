import type { Severity } from "./severity.enum";

/** Conditions an alert must all meet (validated at the edge: ids are 24-digit hex). */
export interface AlertFilterCriteria {
  type?: string[];
  source?: string[];
  severity?: Severity[];
  resolved?: boolean;
  caseId?: string;
  timestampAfter?: Date;
  timestampBefore?: Date;
}
