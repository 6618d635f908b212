import type { ObjectId } from "mongodb";

/** One changed field of an audit entry: its stored value before and after the write. */
export interface FieldChange {
  before: unknown;
  after: unknown;
}

/**
 * An `audit_logs` document: one per mutation, written in the same transaction as the
 * change where transactions are available. Field names in `changes` are the stored
 * (snake_case) names, and values are as stored (ObjectId, Date…); a field that is absent
 * counts as null. The TTL index on created_at removes entries after 90 days.
 */
export interface AuditLogDocument {
  _id: ObjectId;
  /** The time of the write: the changed document's updated_at where it has one. */
  created_at: Date;
  /** A user or API key id once access control exists; "anonymous" until then. */
  actor: string;
  /** What was done, `<entity>.<verb>`: see AUDIT_ACTIONS. */
  action: string;
  /** The collection of the changed document. */
  collection: string;
  /** The _id of the changed document. */
  target_id: ObjectId;
  /** Every field whose stored value the write changed. */
  changes: Record<string, FieldChange>;
  /** The `x-request-id` header of the request, else the gateway's own request id. */
  request_id: string;
  /** Context that is no field of the target, e.g. the note of a status change. */
  details?: Record<string, unknown>;
}
