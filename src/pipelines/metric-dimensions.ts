import { CASE_STATUS_ORDER } from "../../schema/enums/case-status.enum";
import { PRIORITY_RANK, Priority } from "../../schema/enums/priority.enum";
import type { MetricDimension } from "./metric-dimension";
import { SEVERITIES_BY_RANK_DESC } from "./severity-order";

/** Priorities from most to least urgent, derived from PRIORITY_RANK as severities are. */
const PRIORITIES_BY_RANK_DESC: readonly Priority[] = Object.values(Priority).sort(
  (a, b) => PRIORITY_RANK[b] - PRIORITY_RANK[a],
);

/** The dimensions alerts are grouped by; keys are the API's AlertDimension values. */
export const ALERT_DIMENSIONS = {
  type: { name: "type", path: "$type" },
  source: { name: "source", path: "$source" },
  severity: { name: "severity", path: "$severity", order: SEVERITIES_BY_RANK_DESC },
  resolved: { name: "resolved", path: "$resolved" },
} as const satisfies Record<string, MetricDimension>;

export type AlertDimensionName = keyof typeof ALERT_DIMENSIONS;

/** The dimensions cases are grouped by; keys are the API's CaseDimension values. */
export const CASE_DIMENSIONS = {
  status: { name: "status", path: "$status", order: CASE_STATUS_ORDER },
  severity: { name: "severity", path: "$severity", order: SEVERITIES_BY_RANK_DESC },
  priority: { name: "priority", path: "$priority", order: PRIORITIES_BY_RANK_DESC },
  assignee: { name: "assignee", path: "$assignee" },
  tag: { name: "tag", path: "$tags", unwind: true },
} as const satisfies Record<string, MetricDimension>;

export type CaseDimensionName = keyof typeof CASE_DIMENSIONS;
