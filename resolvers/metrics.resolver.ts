import type { GraphQLResolveInfo } from "graphql";
import { Args, Authorized, Ctx, Info, Query, Resolver } from "type-graphql";
import { AlertMetricsArguments } from "../schema/arguments/alert-metrics.arguments";
import { CaseBacklogArguments } from "../schema/arguments/case-backlog.arguments";
import { CaseMetricsArguments } from "../schema/arguments/case-metrics.arguments";
import { AlertMetrics } from "../schema/types/alert-metrics.type";
import { CaseBacklog } from "../schema/types/case-backlog.type";
import { CaseMetrics } from "../schema/types/case-metrics.type";
import { RULES } from "../src/auth/auth-checker";
import type { GatewayContext } from "../src/context";
import { metricsCost } from "./metric-cost";
import { toAlertMetrics, toCaseBacklog, toCaseMetrics } from "./metric-rows.mapper";
import { toAlertMetricsQuery, toCaseBacklogQuery, toCaseMetricsQuery } from "./metrics-queries";

/**
 * The metrics API, for ANALYST and above: measures per time bucket and dimension
 * combination, with drill-down.
 */
@Authorized(RULES.ANALYST)
@Resolver()
export class MetricsResolver {
  @Query(() => AlertMetrics, {
    description:
      "Alert counts per time bucket (in a time zone) and dimension combination, with gap filling, top-N, comparisons and drill-down",
    complexity: metricsCost,
  })
  async alertMetrics(
    @Args(() => AlertMetricsArguments) args: AlertMetricsArguments,
    @Ctx() { repositories }: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AlertMetrics> {
    return toAlertMetrics(await repositories.metrics.alertMetrics(toAlertMetricsQuery(args, info)));
  }

  @Query(() => CaseMetrics, {
    description:
      "Case counts, resolution-time statistics and SLA attainment per time bucket and dimension combination, with drill-down",
    complexity: metricsCost,
  })
  async caseMetrics(
    @Args(() => CaseMetricsArguments) args: CaseMetricsArguments,
    @Ctx() { repositories }: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CaseMetrics> {
    return toCaseMetrics(await repositories.metrics.caseMetrics(toCaseMetricsQuery(args, info)));
  }

  @Query(() => CaseBacklog, {
    description:
      "Cases open at the end of each bucket, opened and resolved during it, per dimension combination",
  })
  async caseBacklog(
    @Args(() => CaseBacklogArguments) args: CaseBacklogArguments,
    @Ctx() { repositories }: GatewayContext,
  ): Promise<CaseBacklog> {
    return toCaseBacklog(await repositories.metrics.caseBacklog(toCaseBacklogQuery(args)));
  }
}
