import type { AlertDocument } from "../db/alert.document";
import type { AlertRecord } from "../domain/alert.record";
import type { StoredFieldTable } from "../db/stored-fields";

/** The stored fields each field of an alert reads, by GraphQL field name (as CASE_STORED_FIELDS). */
export const ALERT_STORED_FIELDS: StoredFieldTable = {
  id: [],
  type: ["type"],
  source: ["source"],
  severity: ["severity"],
  message: ["message"],
  timestamp: ["timestamp"],
  resolved: ["resolved"],
  resolution: ["resolution"],
  case: ["case_id"],
};

/** The one place an `alerts` document (snake_case, as stored) becomes an AlertRecord. */
export function toAlert(document: AlertDocument): AlertRecord {
  return {
    objectId: document._id,
    id: document._id.toHexString(),
    type: document.type,
    source: document.source,
    severity: document.severity,
    message: document.message,
    timestamp: document.timestamp,
    resolved: document.resolved === true,
    resolution: document.resolution ?? null,
    caseId: document.case_id ?? null,
  };
}
