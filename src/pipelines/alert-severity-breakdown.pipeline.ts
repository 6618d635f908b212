import type { Document } from "mongodb";
import type { Severity } from "../domain/severity.enum";

export interface AlertSeverityBreakdownPipelineInput {
  resolved: boolean;
}

/** Alerts of one severity. */
export interface AlertSeverityRow {
  severity: Severity;
  count: number;
}

/**
 * Counts alerts per severity among resolved or unresolved alerts. Only severities that
 * occur come back, in no particular order: the repository zero-fills all four and
 * orders them by rank, which is cheaper on four rows than in the pipeline.
 */
export function alertSeverityBreakdownPipeline(input: AlertSeverityBreakdownPipelineInput): Document[] {
  return [
    { $match: { resolved: input.resolved } },
    { $group: { _id: "$severity", count: { $sum: 1 } } },
    { $project: { _id: 0, severity: "$_id", count: 1 } },
  ];
}
