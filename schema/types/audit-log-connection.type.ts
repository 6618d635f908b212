import { connectionType } from "./connection.type-factory";
import { AuditLogEntry } from "./audit-log-entry.type";

/** A page of audit entries, newest first (Relay connection), with its AuditLogEdge. */
export const AuditLogConnection = connectionType(AuditLogEntry, {
  name: "AuditLog",
  description: "A page of audit entries, newest first",
  noun: "entry",
  nouns: "entries",
});
