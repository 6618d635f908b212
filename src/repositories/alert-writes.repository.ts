import { type MatchKeysAndValues, ObjectId } from "mongodb";
import type { NewAlertRecord } from "../domain/new-alert.record";
import { AUDIT_ACTIONS } from "../audit/audit-actions";
import type { AuditTrail, WriteOrigin } from "../audit/audit-trail";
import type { AlertDocument } from "../db/alert.document";
import { COLLECTIONS } from "../db/collection-names";
import type { DataCollections } from "../db/data-collections";
import { BadUserInputError, NotFoundError } from "../errors/gateway-error";
import { AuditedWriter } from "./audited-writer";
import type { RepositoryOptions } from "./repository-options";
import { nextUpdatedAt } from "./versioned-update";
import { caseExists, touchCase } from "./case-reference";
import type { WriteRunner } from "./write-runner";
import { parseObjectId } from "../db/parse-object-id";

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
  private readonly writer: AuditedWriter<AlertDocument>;

  constructor(
    private readonly collections: DataCollections,
    runner: WriteRunner,
    audit: AuditTrail,
    private readonly options: RepositoryOptions,
    /** Runs after each write that may change the alert's rollup bucket (ROLLUPS=on: marks it dirty). */
    private readonly afterWrite?: (alert: AlertDocument) => Promise<void>,
  ) {
    const target = { collection: collections.alerts, name: COLLECTIONS.alerts, entity: "Alert" };
    this.writer = new AuditedWriter(target, runner, audit, options);
  }

  async create(input: NewAlertRecord, origin: WriteOrigin): Promise<AlertDocument> {
    const caseId = input.caseId ? parseObjectId(input.caseId, "input.caseId") : null;
    const { alerts, cases } = this.collections;
    const created = await this.writer.create(
      AUDIT_ACTIONS.alertCreate,
      origin,
      (at) => ({
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
      }),
      {
        before: async (session) => {
          if (caseId) await touchCase(cases, caseId, session, this.options.maxTimeMS);
        },
        after: async (session, _at, document) => {
          if (!caseId || session || (await caseExists(cases, caseId, this.options.maxTimeMS))) return;
          await alerts.deleteOne({ _id: document._id });
          throw new NotFoundError("Case", caseId.toHexString());
        },
      },
    );
    // After the write, so that a refresh between the two recomputes the bucket once more, never less.
    await this.afterWrite?.(created);
    return created;
  }

  /** Resolves an open alert; BAD_USER_INPUT when it is resolved already. */
  async resolve(id: ObjectId, resolution: string, origin: WriteOrigin): Promise<AlertDocument> {
    const resolved = await this.writer.update(id, AUDIT_ACTIONS.alertResolve, origin, (before) => {
      if (before.resolved === true) {
        throw new BadUserInputError(`Alert ${id.toHexString()} is resolved already`, {
          id: id.toHexString(),
        });
      }
      return { set: { resolved: true, resolution: resolution.trim() } };
    });
    await this.afterWrite?.(resolved);
    return resolved;
  }

  /** Attaches the alert to an existing case (moving it from its current one, if any). */
  async link(alertId: ObjectId, caseId: ObjectId, origin: WriteOrigin): Promise<AlertDocument> {
    const { alerts, cases } = this.collections;
    return this.writer.update(
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
    return this.writer.update(alertId, AUDIT_ACTIONS.alertUnlink, origin, () => ({
      set: { case_id: null } as MatchKeysAndValues<AlertDocument>,
    }));
  }
}
