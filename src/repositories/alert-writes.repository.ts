import { type ClientSession, type MatchKeysAndValues, ObjectId } from "mongodb";
import type { NewAlertRecord } from "../domain/new-alert.record";
import { AUDIT_ACTIONS, type AuditAction } from "../audit/audit-actions";
import type { AuditTrail, WriteOrigin } from "../audit/audit-trail";
import type { AlertDocument } from "../db/alert.document";
import { COLLECTIONS } from "../db/collection-names";
import type { DataCollections } from "../db/data-collections";
import { BadUserInputError, NotFoundError } from "../errors/gateway-error";
import type { RepositoryOptions } from "./repository-options";
import { nextUpdatedAt, updateVersioned, type VersionedUpdate } from "./versioned-update";
import { caseExists, touchCase } from "./write-helpers";
import type { WriteRunner } from "./write-runner";

/**
 * Writes of the `alerts` collection, each one WriteRunner unit with its audit entry (see
 * CaseWriteRepository). Linking an alert to a case — createAlert with a caseId,
 * linkAlertToCase — first writes to the case (touchCase: NOT_FOUND when it is missing; the
 * case's updated_at moves on), which makes a concurrent deleteCase conflict inside
 * transactions. Without transactions, the link is checked once more after it is written
 * and undone (NOT_FOUND) when the case was deleted meanwhile, so no alert is left
 * pointing to a missing case.
 */
export class AlertWriteRepository {
  constructor(
    private readonly collections: DataCollections,
    private readonly runner: WriteRunner,
    private readonly audit: AuditTrail,
    private readonly options: RepositoryOptions,
  ) {}

  async create(input: NewAlertRecord, origin: WriteOrigin): Promise<AlertDocument> {
    return this.runner.run(async ({ session }) => {
      const caseId = input.caseId ? ObjectId.createFromHexString(input.caseId) : null;
      if (caseId) await touchCase(this.collections.cases, caseId, session, this.options.maxTimeMS);
      const at = new Date();
      const document: AlertDocument = {
        _id: new ObjectId(),
        type: input.type.trim(),
        source: input.source.trim(),
        severity: input.severity,
        message: input.message ?? "",
        timestamp: input.timestamp ?? at,
        case_id: caseId,
        resolved: false,
        resolution: null,
        updated_at: at,
      };
      const { alerts } = this.collections;
      await alerts.insertOne(document, { session });
      if (caseId && !session && !(await caseExists(this.collections.cases, caseId, this.options.maxTimeMS))) {
        await alerts.deleteOne({ _id: document._id });
        throw new NotFoundError("Case", caseId.toHexString());
      }
      await this.record(AUDIT_ACTIONS.alertCreate, null, document, at, origin, session);
      return document;
    });
  }

  /** Resolves an open alert; BAD_USER_INPUT when it is resolved already. */
  async resolve(id: ObjectId, resolution: string, origin: WriteOrigin): Promise<AlertDocument> {
    return this.updateAudited(id, AUDIT_ACTIONS.alertResolve, origin, (before) => {
      if (before.resolved === true) {
        throw new BadUserInputError(`Alert ${id.toHexString()} is resolved already`, {
          id: id.toHexString(),
        });
      }
      return { set: { resolved: true, resolution: resolution.trim() } };
    });
  }

  /** Attaches the alert to an existing case (moving it from its current one, if any). */
  async link(alertId: ObjectId, caseId: ObjectId, origin: WriteOrigin): Promise<AlertDocument> {
    const { alerts, cases } = this.collections;
    return this.updateAudited(
      alertId,
      AUDIT_ACTIONS.alertLink,
      origin,
      () => ({ set: { case_id: caseId } }),
      {
        before: async (session) => {
          const alert = await alerts.findOne(
            { _id: alertId },
            { session, maxTimeMS: this.options.maxTimeMS, projection: { _id: 1 } },
          );
          if (!alert) throw new NotFoundError("Alert", alertId.toHexString());
          await touchCase(cases, caseId, session, this.options.maxTimeMS);
        },
        after: async (session, at) => {
          // Inside a transaction the touch of the case already rules out a concurrent delete.
          if (session || (await caseExists(cases, caseId, this.options.maxTimeMS))) return;
          // deleteCase ran between the check and the link, and its sweep missed this alert.
          await alerts.updateOne(
            { _id: alertId, case_id: caseId },
            { $set: { case_id: null, updated_at: nextUpdatedAt(at) } },
          );
          throw new NotFoundError("Case", caseId.toHexString());
        },
      },
    );
  }

  /** Detaches the alert from its case; an alert without a case stays as it is (updated_at moves on). */
  async unlink(alertId: ObjectId, origin: WriteOrigin): Promise<AlertDocument> {
    return this.updateAudited(alertId, AUDIT_ACTIONS.alertUnlink, origin, () => ({
      set: { case_id: null } as MatchKeysAndValues<AlertDocument>,
    }));
  }

  private async updateAudited(
    id: ObjectId,
    action: AuditAction,
    origin: WriteOrigin,
    plan: VersionedUpdate<AlertDocument>["plan"],
    hooks: {
      /** Runs before the update, in its unit: checks that may refuse it. */
      before?: (session: ClientSession | undefined) => Promise<void>;
      /** Runs after the update and before its audit entry: may undo it and throw. */
      after?: (session: ClientSession | undefined, at: Date) => Promise<void>;
    } = {},
  ): Promise<AlertDocument> {
    return this.runner.run(async ({ session }) => {
      if (hooks.before) await hooks.before(session);
      const { before, after, at } = await updateVersioned({
        collection: this.collections.alerts,
        id,
        entity: "Alert",
        session,
        maxTimeMS: this.options.maxTimeMS,
        plan,
      });
      if (hooks.after) await hooks.after(session, at);
      await this.record(action, before, after, at, origin, session);
      return after;
    });
  }

  private async record(
    action: AuditAction,
    before: AlertDocument | null,
    after: AlertDocument,
    at: Date,
    origin: WriteOrigin,
    session: ClientSession | undefined,
  ): Promise<void> {
    await this.audit.record(
      { action, collection: COLLECTIONS.alerts, targetId: after._id, before, after, at },
      origin,
      session,
    );
  }
}
