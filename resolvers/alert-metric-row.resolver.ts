import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { ConnectionArguments } from "../schema/arguments/connection.arguments";
import { AlertConnection } from "../schema/types/alert-connection.type";
import type { Alert } from "../schema/types/alert.type";
import { AlertMetricRow } from "../schema/types/alert-metric-row.type";
import type { GatewayContext } from "../src/context";
import type { Page } from "../src/repositories/page";

/** Drill-down from an alertMetrics row to its alerts. */
@Resolver(() => AlertMetricRow)
export class AlertMetricRowResolver {
  @FieldResolver(() => AlertConnection, {
    description:
      "The alerts behind this row (its dimension values, its bucket and the query's filter and range), newest first",
  })
  alerts(
    @Root() row: AlertMetricRow,
    @Args(() => ConnectionArguments) { first, after }: ConnectionArguments,
    @Ctx() { repositories }: GatewayContext,
  ): Promise<Page<Alert>> {
    return repositories.metrics.alertPage(row.drillDown, first, after);
  }
}
