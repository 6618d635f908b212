import { CaseMetricRow } from "./case-metric-row.type";
import { metricAnswerType } from "./metric-answer.type-factory";

/** The answer of caseMetrics. */
export const CaseMetrics = metricAnswerType(CaseMetricRow, {
  name: "CaseMetrics",
  description: "Case measures per bucket and dimension combination",
  rows: "By bucket, then dimensions in groupBy order (by rank where they have one)",
  from: "Start of the range (inclusive)",
  to: "End of the range (exclusive)",
});
export type CaseMetrics = InstanceType<typeof CaseMetrics>;
