import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { ConnectionArguments } from "../schema/arguments/connection.arguments";
import { CaseConnection } from "../schema/types/case-connection.type";
import type { Case } from "../schema/types/case.type";
import { CaseMetricRow } from "../schema/types/case-metric-row.type";
import type { GatewayContext } from "../src/context";
import type { Page } from "../src/repositories/page";
import { caseRowAssigneeResolver } from "./case-row-assignee.resolver-factory";

/** Drill-down from a caseMetrics row to its cases, and its assignee (one batched lookup for all rows). */
@Resolver(() => CaseMetricRow)
export class CaseMetricRowResolver extends caseRowAssigneeResolver(CaseMetricRow) {
  @FieldResolver(() => CaseConnection, {
    description:
      "The cases behind this row (its dimension values, its bucket and the query's filter and range), newest first",
  })
  cases(
    @Root() row: CaseMetricRow,
    @Args(() => ConnectionArguments) { first, after }: ConnectionArguments,
    @Ctx() { repositories }: GatewayContext,
  ): Promise<Page<Case>> {
    return repositories.metrics.casePage(row.drillDown, first, after);
  }
}
