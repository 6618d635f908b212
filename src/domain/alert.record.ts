import type { ObjectId } from "mongodb";
import type { Severity } from "./severity.enum";
import type { StoredEntityRecord } from "./stored-entity.record";

/** A signal from a monitoring source, possibly attached to a case; toAlert builds it from an `alerts` document. */
export interface AlertRecord extends StoredEntityRecord {
  type: string;
  source: string;
  severity: Severity;
  message: string;
  timestamp: Date;
  resolved: boolean;
  resolution: string | null;
  /** The stored `case_id` reference. */
  caseId: ObjectId | null;
}
