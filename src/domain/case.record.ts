import type { ObjectId } from "mongodb";
import type { CaseStatus } from "./case-status.enum";
import type { Priority } from "./priority.enum";
import type { Severity } from "./severity.enum";
import type { StoredEntityRecord } from "./stored-entity.record";

/** An incident under investigation, as the gateway works with it (camelCase); toCase builds it from a `cases` document. */
export interface CaseRecord extends StoredEntityRecord {
  title: string;
  description: string;
  severity: Severity;
  status: CaseStatus;
  priority: Priority;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  /** Whole seconds from creation to resolution; null while unresolved. */
  resolutionTimeSeconds: number | null;
  tags: string[];
  metadata: Record<string, unknown>;
  /** The stored `assignee` reference. */
  assigneeId: ObjectId | null;
}
