import { AlertMetricRow } from "./alert-metric-row.type";
import { metricAnswerType } from "./metric-answer.type-factory";

/** The answer of alertMetrics. */
export const AlertMetrics = metricAnswerType(AlertMetricRow, {
  name: "AlertMetrics",
  description: "Alert measures per bucket and dimension combination",
  rows: "By bucket, then dimensions in groupBy order (by rank where they have one)",
  from: "Start of the range (inclusive)",
  to: "End of the range (exclusive)",
});
export type AlertMetrics = InstanceType<typeof AlertMetrics>;
