import { ObjectId } from "mongodb";
import type { AuditLogEntryRecord } from "../domain/audit-log-entry.record";
import type { AuditLogDocument } from "../audit/audit-log.document";

/** The one place an `audit_logs` document becomes an AuditLogEntryRecord. */
export function toAuditLogEntry(document: AuditLogDocument): AuditLogEntryRecord {
  return {
    id: document._id.toHexString(),
    createdAt: document.created_at,
    actor: document.actor,
    action: document.action,
    collection: document.collection,
    targetId: document.target_id.toHexString(),
    changes: toJsonValue(document.changes ?? {}) as Record<string, unknown>,
    requestId: document.request_id,
    details: document.details ? (toJsonValue(document.details) as Record<string, unknown>) : null,
  };
}

/** Stored values as JSON: ObjectIds as hex strings, Dates as ISO-8601 strings. */
export function toJsonValue(value: unknown): unknown {
  if (value instanceof ObjectId) return value.toHexString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJsonValue(item)]));
  }
  return value;
}
