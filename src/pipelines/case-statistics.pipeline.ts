import type { Document, ObjectId } from "mongodb";
import { CASE_STATUS_ORDER, type CaseStatus } from "../domain/case-status.enum";
import type { Severity } from "../domain/severity.enum";
import { SEVERITIES_BY_RANK_DESC } from "./severity-order";

/** low .. critical: a descending sort on the index puts critical first and unknown values (-1) last. */
const SEVERITIES_LEAST_FIRST: readonly Severity[] = [...SEVERITIES_BY_RANK_DESC].reverse();
/** closed .. open: a descending sort on the index gives workflow order with unknown values (-1) last. */
const STATUSES_LAST_FIRST: readonly CaseStatus[] = [...CASE_STATUS_ORDER].reverse();

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
  return [
    { $match: caseStatisticsMatch(input) },
    {
      $group: {
        _id: { status: "$status", severity: "$severity" },
        count: { $sum: 1 },
        // Only cases with resolved_at take part: $subtract yields null when resolved_at is
        // null or missing, $avg skips nulls, and is null when the whole group is unresolved.
        avgResolutionMs: { $avg: { $subtract: ["$resolved_at", "$created_at"] } },
      },
    },
    {
      $project: {
        _id: 0,
        status: "$_id.status",
        severity: "$_id.severity",
        count: 1,
        // Stays null for a group without resolved cases: $divide of null is null.
        avgResolutionTimeSeconds: { $divide: ["$avgResolutionMs", 1000] },
        // Ranks, not the stored strings: sorting "critical" < "high" < "low" < "medium"
        // alphabetically is meaningless.
        severityRank: { $indexOfArray: [SEVERITIES_LEAST_FIRST, "$_id.severity"] },
        statusRank: { $indexOfArray: [STATUSES_LAST_FIRST, "$_id.status"] },
      },
    },
    // The raw strings break ties only between unknown values, so the order is total.
    { $sort: { severityRank: -1, statusRank: -1, severity: 1, status: 1 } },
    { $project: { severityRank: 0, statusRank: 0 } },
  ];
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
