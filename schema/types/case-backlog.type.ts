import { CaseBacklogRow } from "./case-backlog-row.type";
import { metricAnswerType } from "./metric-answer.type-factory";

/** The answer of caseBacklog. */
export const CaseBacklog = metricAnswerType(CaseBacklogRow, {
  name: "CaseBacklog",
  description: "The case backlog per bucket and dimension combination",
  rows: "By bucket, then dimensions in groupBy order; every bucket for every combination present",
  from: "Start of the first bucket",
  to: "End of the last bucket",
});
export type CaseBacklog = InstanceType<typeof CaseBacklog>;
