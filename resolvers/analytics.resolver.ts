import { Authorized, Args, Ctx, Query, Resolver } from "type-graphql";
import { AlertSeverityBreakdownArguments } from "../schema/arguments/alert-severity-breakdown.arguments";
import { AlertTrendsArguments } from "../schema/arguments/alert-trends.arguments";
import { CaseStatisticsArguments } from "../schema/arguments/case-statistics.arguments";
import { AlertTrendPoint } from "../schema/types/alert-trend-point.type";
import { CaseStatistic } from "../schema/types/case-statistic.type";
import { SeverityCount } from "../schema/types/severity-count.type";
import { RULES } from "../src/auth/auth-checker";
import type { GatewayContext } from "../src/context";
import { toAlertTrendsQuery, toCaseStatisticsQuery } from "./analytics-queries";

/** Dashboard aggregates for ANALYST and above, computed by the analytics repository's pipelines. */
@Authorized(RULES.ANALYST)
@Resolver()
export class AnalyticsResolver {
  @Query(() => [CaseStatistic], {
    description: "Number of cases and mean resolution time per status and severity, most severe first",
  })
  caseStatistics(
    @Args(() => CaseStatisticsArguments) args: CaseStatisticsArguments,
    @Ctx() { repositories }: GatewayContext,
  ): Promise<CaseStatistic[]> {
    return repositories.analytics.caseStatistics(toCaseStatisticsQuery(args));
  }

  @Query(() => [AlertTrendPoint], {
    description:
      "Alerts per time bucket and type in [from, to) (default: the last 7 days), buckets following the calendar of `timezone`",
  })
  alertTrends(
    @Args(() => AlertTrendsArguments) args: AlertTrendsArguments,
    @Ctx() { repositories }: GatewayContext,
  ): Promise<AlertTrendPoint[]> {
    return repositories.analytics.alertTrends(toAlertTrendsQuery(args));
  }

  @Query(() => [SeverityCount], {
    description: "Alerts per severity, most severe first; every severity is listed, with 0 when it has none",
  })
  alertSeverityBreakdown(
    @Args(() => AlertSeverityBreakdownArguments) { resolved }: AlertSeverityBreakdownArguments,
    @Ctx() { repositories }: GatewayContext,
  ): Promise<SeverityCount[]> {
    return repositories.analytics.alertSeverityBreakdown({ resolved });
  }
}
