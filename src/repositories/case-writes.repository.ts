import { type ClientSession, ObjectId } from "mongodb";
import { CaseStatus } from "../domain/case-status.enum";
import { Priority } from "../domain/priority.enum";
import type { NewCaseRecord } from "../domain/new-case.record";
import type { CaseChangesRecord } from "../domain/case-changes.record";
import { AUDIT_ACTIONS } from "../audit/audit-actions";
import type { AuditTrail, WriteOrigin } from "../audit/audit-trail";
import type { CaseDocument } from "../db/case.document";
import { COLLECTIONS } from "../db/collection-names";
import type { DataCollections } from "../db/data-collections";
import { BadUserInputError, NotFoundError } from "../errors/gateway-error";
import { toPlainDocument } from "../validation/plain-document";
import { normalizeTags } from "../validation/tags";
import { MAX_TAGS } from "../validation/write-limits";
import { assertTransition, resolvedAtAfter } from "../workflow/case-workflow";
import { AuditedWriter } from "./audited-writer";
import type { RepositoryOptions } from "./repository-options";
import { requireUser } from "./user-reference";
import type { WriteRunner } from "./write-runner";
import { parseObjectId } from "../db/parse-object-id";

/** A deleted case and the alerts it released. */
export interface DeletedCase {
  deleted: CaseDocument;
  unlinkedAlertIds: ObjectId[];
}

/**
 * Writes of the `cases` collection. Each method is one unit of WriteRunner (a transaction
 * where available) that changes the case, then records its audit entry in the same unit,
 * and answers the stored document as it is after the write. Updates go through
 * updateVersioned (read, decide, conditional write on updated_at; again on a lost race),
 * so concurrent mutations of one case behave as if they ran one after the other.
 */
export class CaseWriteRepository {
  private readonly writer: AuditedWriter<CaseDocument>;

  constructor(
    private readonly collections: DataCollections,
    private readonly runner: WriteRunner,
    private readonly audit: AuditTrail,
    private readonly options: RepositoryOptions,
  ) {
    const target = { collection: collections.cases, name: COLLECTIONS.cases, entity: "Case" };
    this.writer = new AuditedWriter(target, runner, audit, options);
  }

  async create(input: NewCaseRecord, origin: WriteOrigin): Promise<CaseDocument> {
    const assignee = input.assigneeId ? parseObjectId(input.assigneeId, "input.assigneeId") : null;
    return this.writer.create(
      AUDIT_ACTIONS.caseCreate,
      origin,
      (at) => ({
        _id: new ObjectId(),
        title: input.title.trim(),
        description: input.description ?? "",
        severity: input.severity,
        status: CaseStatus.OPEN,
        priority: input.priority ?? Priority.MEDIUM,
        assignee,
        created_at: at,
        updated_at: at,
        resolved_at: null,
        tags: normalizeTags(input.tags ?? []),
        metadata: toPlainDocument(input.metadata ?? {}),
      }),
      {
        before: async (session) => {
          if (assignee) await requireUser(this.collections.users, assignee, session, this.options.maxTimeMS);
        },
      },
    );
  }

  /** Sets the fields the input gives (validated: at least one, none null). */
  async update(id: ObjectId, input: CaseChangesRecord, origin: WriteOrigin): Promise<CaseDocument> {
    const set: Partial<CaseDocument> = {};
    if (input.title !== undefined) set.title = input.title.trim();
    if (input.description !== undefined) set.description = input.description;
    if (input.severity !== undefined) set.severity = input.severity;
    if (input.priority !== undefined) set.priority = input.priority;
    if (input.tags !== undefined) set.tags = normalizeTags(input.tags);
    if (input.metadata !== undefined) set.metadata = toPlainDocument(input.metadata);
    return this.writer.update(id, AUDIT_ACTIONS.caseUpdate, origin, () => ({ set }));
  }

  /**
   * Moves the case along the workflow (src/workflow/case-workflow.ts). The update is
   * conditional on the status it was decided from (`findOneAndUpdate({_id, status: from,
   * updated_at}, …)`), and status and resolved_at change in that one update, so no
   * interleaving can leave a resolved_at that disagrees with the status. A request that
   * loses a race re-reads the case and is judged against the new status — legal
   * transitions from there are applied, illegal ones answer BAD_USER_INPUT naming the
   * current status — exactly as if it had arrived after the winner.
   */
  async changeStatus(
    id: ObjectId,
    to: CaseStatus,
    note: string | null | undefined,
    origin: WriteOrigin,
  ): Promise<CaseDocument> {
    const details = note ? { note: note.trim() } : undefined;
    return this.writer.update(
      id,
      AUDIT_ACTIONS.caseStatusChange,
      origin,
      (before, at) => {
        assertTransition(before.status, to);
        return {
          condition: { status: before.status },
          set: {
            status: to,
            resolved_at: resolvedAtAfter(before.status, to, before.resolved_at ?? null, at),
          },
        };
      },
      { details },
    );
  }

  /** Assigns the case to an existing user (NOT_FOUND otherwise), or unassigns it (null). */
  async assign(id: ObjectId, assigneeId: ObjectId | null, origin: WriteOrigin): Promise<CaseDocument> {
    return this.writer.update(
      id,
      AUDIT_ACTIONS.caseAssign,
      origin,
      () => ({ set: { assignee: assigneeId } }),
      {
        before: async (session) => {
          if (!assigneeId) return;
          await requireUser(this.collections.users, assigneeId, session, this.options.maxTimeMS);
        },
      },
    );
  }

  /** Adds the tags the case lacks, after its own; BAD_USER_INPUT past MAX_TAGS tags in all. */
  async addTags(id: ObjectId, tags: readonly string[], origin: WriteOrigin): Promise<CaseDocument> {
    const wanted = normalizeTags(tags);
    return this.writer.update(id, AUDIT_ACTIONS.caseTagsAdd, origin, (before) => {
      const current = before.tags ?? [];
      const added = wanted.filter((tag) => !current.includes(tag));
      const tagsAfter = [...current, ...added];
      if (added.length > 0 && tagsAfter.length > MAX_TAGS) {
        const message = `must not give the case more than ${MAX_TAGS} tags (MAX_TAGS); it has ${current.length}, and ${added.length} would be added`;
        throw new BadUserInputError(`Argument "tags" ${message}`, {
          invalidArguments: [{ argument: "tags", message }],
          validationErrors: [{ path: "tags", constraint: "maxTags", message }],
        });
      }
      return { set: { tags: tagsAfter } };
    });
  }

  /** Removes the tags given (after trimming); tags the case lacks are ignored. */
  async removeTags(id: ObjectId, tags: readonly string[], origin: WriteOrigin): Promise<CaseDocument> {
    const unwanted = new Set(normalizeTags(tags));
    return this.writer.update(id, AUDIT_ACTIONS.caseTagsRemove, origin, (before) => ({
      set: { tags: (before.tags ?? []).filter((tag) => !unwanted.has(tag)) },
    }));
  }

  /**
   * Deletes the case and unlinks its alerts (their case_id becomes null). Order, for when
   * there is no transaction: the alerts are released first, so a failure half-way leaves
   * the case in place and no alert pointing to a missing case; then the case is deleted;
   * then alerts linked in between are released too (linkAlertToCase checks the case again
   * after linking, which covers the rest). The audit entry lists the released alerts in
   * details.unlinked_alert_ids.
   */
  async delete(id: ObjectId, origin: WriteOrigin): Promise<DeletedCase> {
    return this.runner.run(async ({ session }) => {
      const { cases } = this.collections;
      const existing = await cases.findOne({ _id: id }, { session, maxTimeMS: this.options.maxTimeMS });
      if (!existing) throw new NotFoundError("Case", id.toHexString());
      const at = new Date();
      const unlinked = await this.unlinkAlertsOf(id, at, session);
      const deleted = await cases.findOneAndDelete(
        { _id: id },
        { session, maxTimeMS: this.options.maxTimeMS },
      );
      if (!deleted) throw new NotFoundError("Case", id.toHexString());
      if (!session) unlinked.push(...(await this.unlinkAlertsOf(id, at, undefined)));
      await this.audit.record(
        {
          action: AUDIT_ACTIONS.caseDelete,
          collection: COLLECTIONS.cases,
          targetId: id,
          before: deleted,
          after: null,
          at,
          details: { unlinked_alert_ids: unlinked },
        },
        origin,
        session,
      );
      return { deleted, unlinkedAlertIds: unlinked };
    });
  }

  private async unlinkAlertsOf(
    caseId: ObjectId,
    at: Date,
    session: ClientSession | undefined,
  ): Promise<ObjectId[]> {
    const { alerts } = this.collections;
    const linked = await alerts
      .find({ case_id: caseId }, { session, projection: { _id: 1 }, maxTimeMS: this.options.maxTimeMS })
      .toArray();
    if (linked.length === 0) return [];
    const ids = linked.map((alert) => alert._id);
    // The rules of every write: updated_at strictly increases (nextUpdatedAt, computed
    // per alert by the server: at least 1 ms past its previous value), and maxTimeMS.
    await alerts.updateMany(
      { _id: { $in: ids }, case_id: caseId },
      [
        {
          $set: {
            case_id: null,
            updated_at: { $max: [at, { $add: ["$updated_at", 1] }] },
          },
        },
      ],
      { session, maxTimeMS: this.options.maxTimeMS },
    );
    return ids;
  }
}
