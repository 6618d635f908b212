import { EJSON } from "bson";
import type { Db, ObjectId } from "mongodb";
import { COLLECTIONS } from "../db/collection-names";
import { markRollupBucketsDirty } from "../db/rollup-dirty-marks";
import { type OperationReporting, reporterOf } from "./operation-events";

export interface CleanupOptions extends OperationReporting {
  /** Count what would be removed; change nothing. */
  dryRun?: boolean;
  /** Alerts examined per batch (default 5,000). */
  batchSize?: number;
  /** Audit logs older than this are removed (default 90 days, the TTL of audit_logs). */
  auditRetentionMs?: number;
  /** Default: the current time. */
  now?: Date;
}

export interface CleanupResult {
  alertsScanned: number;
  /** Alerts whose case_id names no case (in `cases` nor in `archived_cases`). */
  orphanAlerts: number;
  orphanAlertsRemoved: number;
  /** Distinct case ids that name no case. */
  missingCases: number;
  auditCutoff: Date;
  expiredAuditLogs: number;
  expiredAuditLogsRemoved: number;
  dryRun: boolean;
}

const DAY_MS = 86_400_000;

/**
 * Removes alerts whose case_id names a case that exists neither in `cases` nor in
 * `archived_cases` (alerts of archived cases are kept; alerts with case_id null belong to
 * no case and are not orphans), and audit logs past their 90-day retention — the TTL index
 * does that on a MongoDB server, but not where no TTL monitor runs; removing them here is
 * always safe.
 *
 * Scales with the number of alerts, not with a list of every case id: alerts are walked
 * in _id order in batches; for each batch the distinct case ids are looked up in cases
 * (and the archive) by _id, at most `batchSize` ids per query. An orphan is deleted with
 * the case_id it was found with, after the case was looked up once more, so an alert
 * re-linked or a case created in between is kept.
 */
export async function cleanupOrphans(db: Db, options: CleanupOptions = {}): Promise<CleanupResult> {
  const report = reporterOf(options);
  const batchSize = options.batchSize ?? 5_000;
  const now = options.now ?? new Date();
  const alerts = db.collection(COLLECTIONS.alerts);
  const auditCutoff = new Date(now.getTime() - (options.auditRetentionMs ?? 90 * DAY_MS));
  const result: CleanupResult = {
    alertsScanned: 0,
    orphanAlerts: 0,
    orphanAlertsRemoved: 0,
    missingCases: 0,
    auditCutoff,
    expiredAuditLogs: 0,
    expiredAuditLogsRemoved: 0,
    dryRun: options.dryRun === true,
  };

  const linked = { case_id: { $ne: null } };
  const total = await alerts.countDocuments(linked);
  report.progress("alerts", 0, total);
  let lastId: ObjectId | undefined;
  for (;;) {
    const batch = await alerts
      .find(lastId ? { ...linked, _id: { $gt: lastId } } : linked, {
        projection: { _id: 1, case_id: 1, timestamp: 1 },
      })
      .sort({ _id: 1 })
      .limit(batchSize)
      .toArray();
    if (batch.length === 0) break;
    lastId = batch[batch.length - 1]!._id as ObjectId;
    result.alertsScanned += batch.length;

    const missing = await missingCaseIds(db, uniqueIds(batch.map((alert) => alert.case_id)));
    if (missing.size > 0) {
      const orphans = batch.filter((alert) => missing.has(keyOf(alert.case_id)));
      result.orphanAlerts += orphans.length;
      result.missingCases += missing.size;
      if (!options.dryRun) {
        // Look again right before deleting: a case created meanwhile saves its alerts.
        const stillMissing = await missingCaseIds(db, [...missing.values()]);
        for (const caseId of stillMissing.values()) {
          const ids = orphans.filter((alert) => keyOf(alert.case_id) === keyOf(caseId)).map((a) => a._id);
          const deleted = await alerts.deleteMany({ _id: { $in: ids }, case_id: caseId });
          result.orphanAlertsRemoved += deleted.deletedCount;
          // Their rollup buckets are recomputed by the next refresh, however old (README "Rollups").
          await markRollupBucketsDirty(
            db,
            orphans
              .filter((alert) => keyOf(alert.case_id) === keyOf(caseId))
              .map((alert) => alert.timestamp as Date),
          );
        }
      }
    }
    report.progress("alerts", Math.min(result.alertsScanned, total), total);
  }
  report.progress("alerts", total, total);
  report.log(
    `${result.orphanAlerts} orphan alerts (of ${result.missingCases} missing cases)${options.dryRun ? " would be removed" : ` removed: ${result.orphanAlertsRemoved}`}`,
  );

  const auditLogs = db.collection(COLLECTIONS.auditLogs);
  const expired = { created_at: { $lt: auditCutoff } };
  if (options.dryRun) {
    result.expiredAuditLogs = await auditLogs.countDocuments(expired);
  } else {
    const deleted = await auditLogs.deleteMany(expired);
    result.expiredAuditLogs = deleted.deletedCount;
    result.expiredAuditLogsRemoved = deleted.deletedCount;
  }
  report.log(
    `${result.expiredAuditLogs} audit logs older than ${auditCutoff.toISOString()}${options.dryRun ? " would be removed" : " removed"}`,
  );
  return result;
}

/** The ids, by keyOf, that name no document of cases nor of archived_cases. */
async function missingCaseIds(db: Db, ids: unknown[]): Promise<Map<string, unknown>> {
  const missing = new Map(ids.map((id) => [keyOf(id), id]));
  for (const name of [COLLECTIONS.cases, COLLECTIONS.archivedCases]) {
    if (missing.size === 0) break;
    const found = await db
      .collection(name)
      .find({ _id: { $in: [...missing.values()] as ObjectId[] } }, { projection: { _id: 1 } })
      .toArray();
    for (const doc of found) missing.delete(keyOf(doc._id));
  }
  return missing;
}

function uniqueIds(values: unknown[]): unknown[] {
  const seen = new Map<string, unknown>();
  for (const value of values) if (value !== null && value !== undefined) seen.set(keyOf(value), value);
  return [...seen.values()];
}

/** A map key that keeps BSON types apart (an ObjectId and its hex string differ). */
function keyOf(value: unknown): string {
  return EJSON.stringify({ v: value }, { relaxed: false });
}
