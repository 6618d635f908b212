import type { Severity } from "./severity.enum";

/** An alert to create (validated at the edge); it starts unresolved. */
export interface NewAlertRecord {
  type: string;
  source: string;
  severity: Severity;
  message?: string;
  timestamp?: Date;
  caseId?: string;
}
