/** One entry of the audit trail with JSON-safe values (ids as hex, dates as ISO-8601); toAuditLogEntry builds it. */
export interface AuditLogEntryRecord {
  id: string;
  createdAt: Date;
  actor: string;
  action: string;
  collection: string;
  targetId: string;
  changes: Record<string, unknown>;
  requestId: string;
  details: Record<string, unknown> | null;
}
