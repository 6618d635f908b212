import type { Db } from "mongodb";
import type { AuditLogDocument } from "../audit/audit-log.document";
import { AuditTrail } from "../audit/audit-trail";
import { COLLECTIONS } from "../db/collection-names";
import { dataCollections } from "../db/data-collections";
import { defaultMetricsConfig, type MetricsConfig } from "../domain/metrics-config";
import { AdminRepository } from "./admin.repository";
import { AlertRepository } from "./alert.repository";
import { AlertWriteRepository } from "./alert-writes.repository";
import { AnalyticsRepository } from "./analytics.repository";
import { AuditLogRepository } from "./audit-log.repository";
import { CaseRepository } from "./case.repository";
import { CaseWriteRepository } from "./case-writes.repository";
import { MetricsRepository } from "./metrics.repository";
import type { RepositoryOptions } from "./repository-options";
import { UserRepository } from "./user.repository";
import { UserWriteRepository } from "./user-writes.repository";
import { WriteRunner } from "./write-runner";
import { RollupReader } from "./rollup-reader";
import { markRollupDirty } from "../db/rollup-dirty-marks";

/** The repositories of one gateway. Stateless apart from collection handles: shared by all requests. */
export interface GatewayRepositories {
  cases: CaseRepository;
  alerts: AlertRepository;
  users: UserRepository;
  analytics: AnalyticsRepository;
  /** alertMetrics, caseMetrics, caseBacklog and their drill-downs. */
  metrics: MetricsRepository;
  auditLog: AuditLogRepository;
  /** The admin API: server health, statistics, profiler (its one write is audited). */
  admin: AdminRepository;
  /** Mutations: each a unit of `writes` (a transaction where available) with its audit entry. */
  caseWrites: CaseWriteRepository;
  alertWrites: AlertWriteRepository;
  userWrites: UserWriteRepository;
  writes: WriteRunner;
}

export function createGatewayRepositories(
  db: Db,
  options: RepositoryOptions,
  metrics: MetricsConfig = defaultMetricsConfig(),
  rollups?: { enabled: boolean },
): GatewayRepositories {
  const collections = dataCollections(db);
  const auditLogs = db.collection<AuditLogDocument>(COLLECTIONS.auditLogs);
  const writes = new WriteRunner(db);
  const audit = new AuditTrail(auditLogs);
  // ROLLUPS=on: covered analytics read alert_rollups; alert writes mark their bucket dirty.
  const reader = rollups?.enabled
    ? new RollupReader(options.analyticsDb ?? db, options.maxTimeMS)
    : undefined;
  const alertWritten = rollups?.enabled
    ? (alert: { timestamp: Date }) => markRollupDirty(db, alert.timestamp)
    : undefined;
  return {
    cases: new CaseRepository(collections.cases, options),
    alerts: new AlertRepository(collections.alerts, options),
    users: new UserRepository(collections.users, options),
    analytics: new AnalyticsRepository(options.analyticsDb ?? db, {
      maxTimeMS: options.maxTimeMS,
      rollups: reader,
    }),
    metrics: new MetricsRepository(options.analyticsDb ?? db, {
      maxTimeMS: options.maxTimeMS,
      metrics,
      rollups: reader,
    }),
    auditLog: new AuditLogRepository(auditLogs, options),
    admin: new AdminRepository(db, audit, options),
    caseWrites: new CaseWriteRepository(collections, writes, audit, options),
    alertWrites: new AlertWriteRepository(collections, writes, audit, options, alertWritten),
    userWrites: new UserWriteRepository(collections, writes, audit, options),
    writes,
  };
}
