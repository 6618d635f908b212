import { Args, Authorized, Ctx, Root, Subscription, Resolver } from "type-graphql";
import { AlertMetricsArguments } from "../schema/arguments/alert-metrics.arguments";
import { AlertRaisedArguments } from "../schema/arguments/alert-raised.arguments";
import { AlertTrendsArguments } from "../schema/arguments/alert-trends.arguments";
import { CaseStatisticsArguments } from "../schema/arguments/case-statistics.arguments";
import { CaseUpdatedArguments } from "../schema/arguments/case-updated.arguments";
import { parseObjectId } from "../src/db/parse-object-id";
import { subscriptionArguments } from "../schema/arguments/subscription-arguments";
import { AlertFilter } from "../schema/inputs/alert-filter.input";
import { CaseStatisticsFilter } from "../schema/inputs/case-statistics-filter.input";
import { TimeBucketInput } from "../schema/inputs/time-bucket.input";
import { TimeRangeInput } from "../schema/inputs/time-range.input";
import { TopInput } from "../schema/inputs/top.input";
import { AlertMetrics } from "../schema/types/alert-metrics.type";
import { alertFilterQuery } from "../src/repositories/alert-filter.query";
import { Alert } from "../schema/types/alert.type";
import { AlertTrendPoint } from "../schema/types/alert-trend-point.type";
import { CaseStatistic } from "../schema/types/case-statistic.type";
import { CaseUpdate } from "../schema/types/case-update.type";
import { RULES } from "../src/auth/auth-checker";
import { createGatewayLoaders } from "../src/loaders/gateway-loaders";
import type { LiveContext } from "../src/live/live-context";
import type { CaseChange } from "../src/live/live-service";
import { toAlertTrendsQuery, toCaseStatisticsQuery } from "./analytics-queries";
import { metricsCost } from "./metric-cost";
import { toAlertMetrics } from "./metric-rows.mapper";
import { commonQuery } from "./metrics.resolver";

/**
 * Subscriptions (graphql-ws on /graphql, see src/live/subscription-server.ts). The
 * `subscribe` functions check the role (@Authorized runs before them) and the
 * arguments, then hand over to the live service; the methods run once per event.
 */
@Resolver()
export class LiveResolver {
  @Authorized(RULES.ANALYST)
  @Subscription(() => [AlertTrendPoint], {
    description: "alertTrends now, and again after every change that can alter it",
    subscribe: async ({ args, context }) => {
      const validated = await subscriptionArguments(AlertTrendsArguments, args, context);
      return (context as LiveContext).live.alertTrends(toAlertTrendsQuery(validated));
    },
  })
  alertTrendsLive(
    @Root() points: AlertTrendPoint[],
    @Args(() => AlertTrendsArguments) _args: AlertTrendsArguments,
  ): AlertTrendPoint[] {
    return points;
  }

  @Authorized(RULES.ANALYST)
  @Subscription(() => AlertMetrics, {
    description: "alertMetrics now, and again after every change of the alerts that alters it",
    complexity: metricsCost,
    subscribe: async ({ args, context, info }) => {
      const validated = await subscriptionArguments(AlertMetricsArguments, args, context, {
        timeBucket: TimeBucketInput,
        range: TimeRangeInput,
        filter: AlertFilter,
        top: TopInput,
      });
      const query = {
        ...commonQuery(validated, info),
        groupBy: validated.groupBy ?? [],
        filter: alertFilterQuery(validated.filter),
      };
      return (context as LiveContext).live.alertMetrics(query, toAlertMetrics);
    },
  })
  alertMetricsLive(
    @Root() answer: AlertMetrics,
    @Args(() => AlertMetricsArguments) _args: AlertMetricsArguments,
    @Ctx() context: LiveContext,
  ): AlertMetrics {
    // Drill-downs of the rows are read afresh for every event.
    context.loaders = createGatewayLoaders(context.repositories);
    return answer;
  }

  @Authorized(RULES.ANALYST)
  @Subscription(() => [CaseStatistic], {
    description: "caseStatistics now, and again after every change of the cases",
    subscribe: async ({ args, context }) => {
      const validated = await subscriptionArguments(CaseStatisticsArguments, args, context, {
        filter: CaseStatisticsFilter,
      });
      return (context as LiveContext).live.caseStatistics(toCaseStatisticsQuery(validated));
    },
  })
  caseStatisticsLive(
    @Root() rows: CaseStatistic[],
    @Args(() => CaseStatisticsArguments) _args: CaseStatisticsArguments,
  ): CaseStatistic[] {
    return rows;
  }

  @Authorized(RULES.VIEWER)
  @Subscription(() => CaseUpdate, {
    description:
      "The case now and after each change; a final event with deleted: true when it is deleted (or does not exist)",
    subscribe: async ({ args, context }) => {
      const validated = await subscriptionArguments(CaseUpdatedArguments, args, context);
      return (context as LiveContext).live.caseUpdated(parseObjectId(validated.id, "id"));
    },
  })
  caseUpdated(
    @Root() change: CaseChange,
    @Args(() => CaseUpdatedArguments) _args: CaseUpdatedArguments,
    @Ctx() context: LiveContext,
  ): CaseUpdate {
    // Each event is a request of its own: relations are loaded afresh, never from an earlier event's cache.
    context.loaders = createGatewayLoaders(context.repositories);
    return change;
  }

  @Authorized(RULES.VIEWER)
  @Subscription(() => Alert, {
    description: "Each new alert that meets the filter",
    subscribe: async ({ args, context }) => {
      const validated = await subscriptionArguments(AlertRaisedArguments, args, context, {
        filter: AlertFilter,
      });
      return (context as LiveContext).live.alertRaised(validated.filter);
    },
  })
  alertRaised(
    @Root() alert: Alert,
    @Args(() => AlertRaisedArguments) _args: AlertRaisedArguments,
    @Ctx() context: LiveContext,
  ): Alert {
    context.loaders = createGatewayLoaders(context.repositories);
    return alert;
  }
}
