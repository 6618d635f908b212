import { registerEnumType } from "type-graphql";

/** What caseMetrics and caseBacklog group by. Values are the pipelines' dimension names. */
export enum CaseDimension {
  STATUS = "status",
  SEVERITY = "severity",
  PRIORITY = "priority",
  ASSIGNEE = "assignee",
  TAG = "tag",
}

registerEnumType(CaseDimension, {
  name: "CaseDimension",
  description:
    "A dimension cases are grouped by: status in workflow order, severity and priority by rank, assignee and tag by value. TAG counts a case once per tag",
});
