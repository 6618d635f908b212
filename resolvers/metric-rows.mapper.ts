import type { AlertMetricRow } from "../schema/types/alert-metric-row.type";
import type { AlertMetrics } from "../schema/types/alert-metrics.type";
import type { CaseBacklogRow } from "../schema/types/case-backlog-row.type";
import type { CaseBacklog } from "../schema/types/case-backlog.type";
import type { CaseMetricRow } from "../schema/types/case-metric-row.type";
import type { CaseMetrics } from "../schema/types/case-metrics.type";
import type { AlertMeasureRaw, AlertMeasureValues } from "../src/pipelines/alert-measures";
import type { CaseMeasureRaw, CaseMeasureValues } from "../src/pipelines/case-measures";
import type { MetricDimension, MetricRowBase } from "../src/pipelines/metric-dimension";
import {
  ALERT_DIMENSIONS,
  type AlertDimensionName,
  CASE_DIMENSIONS,
  type CaseDimensionName,
} from "../src/pipelines/metric-dimensions";
import type {
  CaseBacklogAnswer,
  MetricAnswer,
  MetricAnswerRow,
} from "../src/repositories/metrics.repository";

/** The GraphQL answer of alertMetrics from the repository's rows. */
export function toAlertMetrics(answer: MetricAnswer<AlertMeasureRaw, AlertMeasureValues>): AlertMetrics {
  return toMetricAnswer(answer, (row): AlertMetricRow => ({ ...metricRow(row), ...alertDimensions(row) }));
}

/** The GraphQL answer of caseMetrics from the repository's rows. */
export function toCaseMetrics(answer: MetricAnswer<CaseMeasureRaw, CaseMeasureValues>): CaseMetrics {
  return toMetricAnswer(answer, (row): CaseMetricRow => ({ ...metricRow(row), ...caseDimensions(row) }));
}

/** The GraphQL answer of caseBacklog. */
export function toCaseBacklog(answer: CaseBacklogAnswer): CaseBacklog {
  return toMetricAnswer({ ...answer, comparisonFrom: null, comparisonTo: null }, (row): CaseBacklogRow => ({
    bucket: row.bucket,
    bucketLabel: row.bucketLabel,
    ...caseDimensions(row),
    open: row.open,
    opened: row.opened,
    resolved: row.resolved,
  }));
}

/** The envelope every analytics answer shares, around its rows mapped one by one. */
function toMetricAnswer<TRow, TAnswerRow>(
  answer: Omit<MetricAnswer<never, never>, "rows"> & { rows: TRow[] },
  toRow: (row: TRow) => TAnswerRow,
) {
  return {
    from: answer.from,
    to: answer.to,
    timezone: answer.timezone,
    comparisonFrom: answer.comparisonFrom,
    comparisonTo: answer.comparisonTo,
    dataAsOf: answer.dataAsOf,
    source: answer.source,
    rows: answer.rows.map(toRow),
  };
}

/** The measures, bucket, `other`, comparison and drill-down of a metrics row. */
function metricRow<TRaw, TValues>(row: MetricAnswerRow<TRaw, TValues>) {
  return {
    ...row.values,
    bucket: row.bucket,
    bucketLabel: row.bucketLabel,
    other: row.other,
    previous: row.previous,
    drillDown: row.drillDown,
  };
}

/** The dimension values of an alertMetrics row; null where it is not grouped by them. */
function alertDimensions(row: MetricRowBase) {
  return dimensionValues(row, ALERT_DIMENSIONS) as Pick<AlertMetricRow, AlertDimensionName>;
}

/** The dimension values of a caseMetrics or caseBacklog row; null where it is not grouped by them. */
function caseDimensions(row: MetricRowBase) {
  return dimensionValues(row, CASE_DIMENSIONS) as Pick<
    CaseMetricRow,
    Exclude<CaseDimensionName, "assignee"> | "assigneeId"
  >;
}

/**
 * The row's value of each dimension of the table that grouped it (null where it was not
 * grouped by it); the assignee, a user's id, is answered as `assigneeId` for its field resolver.
 */
function dimensionValues(row: MetricRowBase, dimensions: Record<string, MetricDimension>) {
  return Object.fromEntries(
    Object.keys(dimensions).map((name) => [name === "assignee" ? "assigneeId" : name, row[name] ?? null]),
  );
}
