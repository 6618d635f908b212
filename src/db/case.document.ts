import type { ObjectId } from "mongodb";
import type { CaseStatus } from "../domain/case-status.enum";
import type { Priority } from "../domain/priority.enum";
import type { Severity } from "../domain/severity.enum";

/** A `cases` document as MongoDB stores it (snake_case). */
export interface CaseDocument {
  _id: ObjectId;
  title: string;
  description: string;
  severity: Severity;
  status: CaseStatus;
  priority: Priority;
  assignee: ObjectId | null;
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
  tags: string[];
  metadata: Record<string, unknown>;
}
