import type { ObjectId } from "mongodb";
import type { CaseStatus } from "../schema/enums/case-status.enum";
import type { Priority } from "../schema/enums/priority.enum";
import type { Severity } from "../schema/enums/severity.enum";
import type { AlertMetricRow } from "../schema/types/alert-metric-row.type";
import type { AlertMetrics } from "../schema/types/alert-metrics.type";
import type { CaseBacklogRow } from "../schema/types/case-backlog-row.type";
import type { CaseBacklog } from "../schema/types/case-backlog.type";
import type { CaseMetricRow } from "../schema/types/case-metric-row.type";
import type { CaseMetrics } from "../schema/types/case-metrics.type";
import type { AlertMeasureRaw, AlertMeasureValues } from "../src/pipelines/alert-measures";
import type { CaseMeasureRaw, CaseMeasureValues } from "../src/pipelines/case-measures";
import type { CaseBacklogAnswer, MetricAnswer } from "../src/repositories/metrics.repository";

/** The GraphQL answer of alertMetrics from the repository's rows. */
export function toAlertMetrics(answer: MetricAnswer<AlertMeasureRaw, AlertMeasureValues>): AlertMetrics {
  return {
    ...envelope(answer),
    rows: answer.rows.map((row): AlertMetricRow => ({
      ...row.values,
      bucket: row.bucket,
      bucketLabel: row.bucketLabel,
      type: (row.type as string | undefined) ?? null,
      source: (row.source as string | undefined) ?? null,
      severity: (row.severity as Severity | undefined) ?? null,
      resolved: (row.resolved as boolean | undefined) ?? null,
      other: row.other,
      previous: row.previous,
      drillDown: row.drillDown,
    })),
  };
}

/** The GraphQL answer of caseMetrics from the repository's rows. */
export function toCaseMetrics(answer: MetricAnswer<CaseMeasureRaw, CaseMeasureValues>): CaseMetrics {
  return {
    ...envelope(answer),
    rows: answer.rows.map((row): CaseMetricRow => ({
      ...row.values,
      bucket: row.bucket,
      bucketLabel: row.bucketLabel,
      status: (row.status as CaseStatus | undefined) ?? null,
      severity: (row.severity as Severity | undefined) ?? null,
      priority: (row.priority as Priority | undefined) ?? null,
      assigneeId: (row.assignee as ObjectId | undefined) ?? null,
      tag: (row.tag as string | undefined) ?? null,
      other: row.other,
      previous: row.previous,
      drillDown: row.drillDown,
    })),
  };
}

/** The GraphQL answer of caseBacklog. */
export function toCaseBacklog(answer: CaseBacklogAnswer): CaseBacklog {
  return {
    from: answer.from,
    to: answer.to,
    timezone: answer.timezone,
    comparisonFrom: null,
    comparisonTo: null,
    dataAsOf: answer.dataAsOf,
    rows: answer.rows.map((row): CaseBacklogRow => ({
      bucket: row.bucket,
      bucketLabel: row.bucketLabel,
      status: (row.status as CaseStatus | undefined) ?? null,
      severity: (row.severity as Severity | undefined) ?? null,
      priority: (row.priority as Priority | undefined) ?? null,
      assigneeId: (row.assignee as ObjectId | undefined) ?? null,
      tag: (row.tag as string | undefined) ?? null,
      open: row.open,
      opened: row.opened,
      resolved: row.resolved,
    })),
  };
}

function envelope<TRaw, TValues>(answer: MetricAnswer<TRaw, TValues>) {
  return {
    from: answer.from,
    to: answer.to,
    timezone: answer.timezone,
    comparisonFrom: answer.comparisonFrom,
    comparisonTo: answer.comparisonTo,
    dataAsOf: answer.dataAsOf,
  };
}
