import { type ClientSession, type Collection, type Document, ObjectId } from "mongodb";
import type { AuditAction } from "./audit-actions";
import type { AuditLogDocument } from "./audit-log.document";
import { fieldChanges } from "./field-changes";

/** Who made a write and in which request: what every audit entry records besides the change. */
export interface WriteOrigin {
  /** From the request context (GatewayContext.caller.actor): "anonymous" until access control fills it. */
  actor: string;
  requestId: string;
}

/** One write to record. */
export interface AuditedWrite {
  action: AuditAction;
  collection: string;
  targetId: ObjectId;
  /** The stored document before the write; null for a create. */
  before: Document | null;
  /** The stored document after the write; null for a delete. */
  after: Document | null;
  /** The time of the write. */
  at: Date;
  details?: Record<string, unknown>;
}

/** Writes the `audit_logs` entry of each mutation. */
export class AuditTrail {
  constructor(private readonly collection: Collection<AuditLogDocument>) {}

  /**
   * Inserts the entry of `write`. Pass the session of the write's transaction, so the
   * entry commits or aborts with the change; without a transaction the caller records
   * after the change succeeded.
   */
  async record(write: AuditedWrite, origin: WriteOrigin, session?: ClientSession): Promise<AuditLogDocument> {
    const entry: AuditLogDocument = {
      _id: new ObjectId(),
      created_at: write.at,
      actor: origin.actor,
      action: write.action,
      collection: write.collection,
      target_id: write.targetId,
      changes: fieldChanges(write.before, write.after),
      request_id: origin.requestId,
      ...(write.details ? { details: write.details } : {}),
    };
    await this.collection.insertOne(entry, { session });
    return entry;
  }
}
