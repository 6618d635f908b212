import { CASE_DIMENSIONS, type CaseDimensionName } from "../../src/pipelines/metric-dimensions";
import { graphqlEnum } from "./graphql-enum";

/** What caseMetrics and caseBacklog group by: the pipelines' dimension names. */
export type CaseDimension = CaseDimensionName;
export const CaseDimension = graphqlEnum(
  "CaseDimension",
  Object.keys(CASE_DIMENSIONS) as CaseDimensionName[],
  "A dimension cases are grouped by: status in workflow order, severity and priority by rank, assignee and tag by value. TAG counts a case once per tag",
);
