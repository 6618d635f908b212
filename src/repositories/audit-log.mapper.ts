import { ObjectId } from "mongodb";
import { AuditLogEntry } from "../../schema/types/audit-log-entry.type";
import type { AuditLogDocument } from "../audit/audit-log.document";

/** The one place an `audit_logs` document becomes a GraphQL AuditLogEntry. */
export function toAuditLogEntry(document: AuditLogDocument): AuditLogEntry {
  const node = new AuditLogEntry();
  node.id = document._id.toHexString();
  node.createdAt = document.created_at;
  node.actor = document.actor;
  node.action = document.action;
  node.collection = document.collection;
  node.targetId = document.target_id.toHexString();
  node.changes = toJsonValue(document.changes ?? {}) as Record<string, unknown>;
  node.requestId = document.request_id;
  node.details = document.details ? (toJsonValue(document.details) as Record<string, unknown>) : null;
  return node;
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
