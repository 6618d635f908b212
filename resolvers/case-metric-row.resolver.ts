import { Resolver } from "type-graphql";
import { CaseConnection } from "../schema/types/case-connection.type";
import { CaseMetricRow } from "../schema/types/case-metric-row.type";
import { caseRowAssigneeResolver } from "./case-row-assignee.resolver-factory";
import { drillDownResolver } from "./metric-row-drill-down.resolver-factory";

/** Drill-down from a caseMetrics row to its cases, and its assignee (one batched lookup for all rows). */
@Resolver(() => CaseMetricRow)
export class CaseMetricRowResolver extends drillDownResolver(
  CaseMetricRow,
  {
    field: "cases",
    connection: CaseConnection,
    page: (metrics, filter, first, after) => metrics.casePage(filter, first, after),
  },
  caseRowAssigneeResolver(CaseMetricRow),
) {}
