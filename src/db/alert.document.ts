import type { ObjectId } from "mongodb";
import type { Severity } from "../domain/severity.enum";

/** An `alerts` document as MongoDB stores it (snake_case). */
export interface AlertDocument {
  _id: ObjectId;
  type: string;
  source: string;
  severity: Severity;
  message: string;
  timestamp: Date;
  case_id: ObjectId | null;
  resolved: boolean;
  resolution: string | null;
  /** Time of the last write through the API (absent on documents it never wrote). */
  updated_at?: Date | null;
}
