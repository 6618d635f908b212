import type { Document } from "mongodb";
import type { Severity } from "../../schema/enums/severity.enum";
import { ALERT_DIMENSIONS } from "./metric-dimensions";
import { metricsPipeline } from "./metrics.pipeline";

export interface AlertSeverityBreakdownPipelineInput {
  resolved: boolean;
}

/** Alerts of one severity. */
export interface AlertSeverityRow {
  severity: Severity;
  count: number;
}

/**
 * Counts alerts per severity among resolved or unresolved alerts, most severe first
 * (metricsPipeline with one dimension). Only severities that occur come back: the
 * repository zero-fills all four.
 */
export function alertSeverityBreakdownPipeline(input: AlertSeverityBreakdownPipelineInput): Document[] {
  return metricsPipeline({
    match: { resolved: input.resolved },
    dimensions: [ALERT_DIMENSIONS.severity],
    accumulators: { count: { $sum: 1 } },
  });
}
