import type { Document, ObjectId } from "mongodb";
import type { CaseStatus } from "../../schema/enums/case-status.enum";
import type { Severity } from "../../schema/enums/severity.enum";
import { CASE_DIMENSIONS } from "./metric-dimensions";
import { metricsPipeline } from "./metrics.pipeline";

/** Filters of `caseStatistics`; every one is optional and they combine with AND. */
export interface CaseStatisticsPipelineInput {
  /** Inclusive lower bound on `created_at`. */
  createdAfter?: Date;
  /** Exclusive upper bound on `created_at`, so that adjacent windows never count a case twice. */
  createdBefore?: Date;
  /** Cases carrying any of these tags; an empty list matches nothing, as lists do across the API. */
  tags?: readonly string[];
  assigneeId?: ObjectId;
}

/** One row per (status, severity) group that has at least one case. */
export interface CaseStatisticsRow {
  status: CaseStatus;
  severity: Severity;
  count: number;
  /** Mean of resolved_at - created_at over the group's cases that have resolved_at; null if none has. */
  avgResolutionTimeSeconds: number | null;
}

/**
 * Counts cases per status and severity with their mean resolution time, most severe
 * first and, within a severity, in workflow order (open, in_progress, resolved, closed).
 */
export function caseStatisticsPipeline(input: CaseStatisticsPipelineInput): Document[] {
  return metricsPipeline({
    match: caseStatisticsMatch(input),
    dimensions: [CASE_DIMENSIONS.status, CASE_DIMENSIONS.severity],
    sortBy: [CASE_DIMENSIONS.severity, CASE_DIMENSIONS.status],
    accumulators: {
      count: { $sum: 1 },
      // Only cases with resolved_at take part: $subtract yields null when resolved_at is
      // null or missing, $avg skips nulls, and is null when the whole group is unresolved.
      avgResolutionMs: { $avg: { $subtract: ["$resolved_at", "$created_at"] } },
    },
    // Stays null for a group without resolved cases: $divide of null is null.
    computed: { avgResolutionTimeSeconds: { $divide: ["$avgResolutionMs", 1000] } },
  });
}

/** The $match of the filters given; `{}` when none is. */
function caseStatisticsMatch(input: CaseStatisticsPipelineInput): Document {
  const match: Document = {};
  if (input.createdAfter || input.createdBefore) {
    match.created_at = {
      ...(input.createdAfter ? { $gte: input.createdAfter } : {}),
      ...(input.createdBefore ? { $lt: input.createdBefore } : {}),
    };
  }
  if (input.tags) match.tags = { $in: [...input.tags] };
  if (input.assigneeId) match.assignee = input.assigneeId;
  return match;
}
