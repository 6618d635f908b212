import type { ClientSession, Collection, Document, OptionalUnlessRequiredId, WithId } from "mongodb";
import type { AuditAction } from "../audit/audit-actions";
import type { AuditTrail, WriteOrigin } from "../audit/audit-trail";
import type { RepositoryOptions } from "./repository-options";
import { updateVersioned, type VersionedDocument, type VersionedUpdate } from "./versioned-update";
import type { WriteRunner } from "./write-runner";

/** The collection an AuditedWriter writes to, and how its errors and entries name it. */
export interface AuditedCollection<TDocument extends VersionedDocument> {
  collection: Collection<TDocument>;
  /** The stored collection name the audit entries record, e.g. "cases". */
  name: string;
  /** Names the document in NOT_FOUND and CONFLICT errors, e.g. "Case". */
  entity: string;
}

/** What an audited write does besides the write itself, in the same unit. */
export interface AuditedWriteSteps<TDocument> {
  /** Runs before the write: checks that may refuse it. */
  before?: (session: ClientSession | undefined) => Promise<void>;
  /** Runs after the write (`document`: as written) and before its audit entry: may undo it and throw. */
  after?: (session: ClientSession | undefined, at: Date, document: TDocument) => Promise<void>;
  /** Context for the audit entry beyond the changed fields. */
  details?: Record<string, unknown>;
}

/**
 * The audited-write pattern of the write repositories: each write is one WriteRunner unit
 * (a transaction where available) that changes a document and records its audit entry in
 * the same unit. Creations insert a new document; updates go through updateVersioned (read,
 * decide, conditional write on updated_at; again on a lost race).
 */
export class AuditedWriter<TDocument extends VersionedDocument> {
  constructor(
    private readonly target: AuditedCollection<TDocument>,
    private readonly runner: WriteRunner,
    private readonly audit: AuditTrail,
    private readonly options: RepositoryOptions,
  ) {}

  /** Inserts the document `build` makes (`at`: the write's time) and records its creation; answers it. */
  create(
    action: AuditAction,
    origin: WriteOrigin,
    build: (at: Date) => WithId<TDocument>,
    steps: AuditedWriteSteps<WithId<TDocument>> = {},
  ): Promise<WithId<TDocument>> {
    return this.runner.run(async ({ session }) => {
      if (steps.before) await steps.before(session);
      const at = new Date();
      const document = build(at);
      await this.target.collection.insertOne(document as OptionalUnlessRequiredId<TDocument>, { session });
      if (steps.after) await steps.after(session, at, document);
      await this.record(action, null, document, at, origin, session, steps.details);
      return document;
    });
  }

  /** Updates the document `id` as `plan` decides and records the change; answers the document after it. */
  update(
    id: WithId<TDocument>["_id"],
    action: AuditAction,
    origin: WriteOrigin,
    plan: VersionedUpdate<TDocument>["plan"],
    steps: AuditedWriteSteps<WithId<TDocument>> = {},
  ): Promise<WithId<TDocument>> {
    return this.runner.run(async ({ session }) => {
      if (steps.before) await steps.before(session);
      const { before, after, at } = await updateVersioned({
        collection: this.target.collection,
        id,
        entity: this.target.entity,
        session,
        maxTimeMS: this.options.maxTimeMS,
        plan,
      });
      if (steps.after) await steps.after(session, at, after);
      await this.record(action, before, after, at, origin, session, steps.details);
      return after;
    });
  }

  /** Records the audit entry of a write to the document `after` (in the write's session, if any). */
  async record(
    action: AuditAction,
    before: Document | null,
    after: VersionedDocument,
    at: Date,
    origin: WriteOrigin,
    session: ClientSession | undefined,
    details?: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(
      { action, collection: this.target.name, targetId: after._id, before, after, at, details },
      origin,
      session,
    );
  }
}
