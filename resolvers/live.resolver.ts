import type { GraphQLResolveInfo } from "graphql";
import {
  Args,
  Authorized,
  Ctx,
  Root,
  Subscription,
  type SubscribeResolverData,
  Resolver,
} from "type-graphql";
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
import type { CaseChange, LiveService } from "../src/live/live-service";
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
    subscribe: subscribeTo(AlertTrendsArguments, {}, (validated, live) =>
      live.alertTrends(toAlertTrendsQuery(validated)),
    ),
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
    subscribe: subscribeTo(
      AlertMetricsArguments,
      { timeBucket: TimeBucketInput, range: TimeRangeInput, filter: AlertFilter, top: TopInput },
      (validated, live, info) => {
        const query = {
          ...commonQuery(validated, info),
          groupBy: validated.groupBy ?? [],
          filter: alertFilterQuery(validated.filter),
        };
        return live.alertMetrics(query, toAlertMetrics);
      },
    ),
  })
  alertMetricsLive(
    @Root() answer: AlertMetrics,
    @Args(() => AlertMetricsArguments) _args: AlertMetricsArguments,
    @Ctx() context: LiveContext,
  ): AlertMetrics {
    // Drill-downs of the rows are read afresh for every event.
    return asNewRequest(context, answer);
  }

  @Authorized(RULES.ANALYST)
  @Subscription(() => [CaseStatistic], {
    description: "caseStatistics now, and again after every change of the cases",
    subscribe: subscribeTo(CaseStatisticsArguments, { filter: CaseStatisticsFilter }, (validated, live) =>
      live.caseStatistics(toCaseStatisticsQuery(validated)),
    ),
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
    subscribe: subscribeTo(CaseUpdatedArguments, {}, (validated, live) =>
      live.caseUpdated(parseObjectId(validated.id, "id")),
    ),
  })
  caseUpdated(
    @Root() change: CaseChange,
    @Args(() => CaseUpdatedArguments) _args: CaseUpdatedArguments,
    @Ctx() context: LiveContext,
  ): CaseUpdate {
    return asNewRequest(context, change);
  }

  @Authorized(RULES.VIEWER)
  @Subscription(() => Alert, {
    description: "Each new alert that meets the filter",
    subscribe: subscribeTo(AlertRaisedArguments, { filter: AlertFilter }, (validated, live) =>
      live.alertRaised(validated.filter),
    ),
  })
  alertRaised(
    @Root() alert: Alert,
    @Args(() => AlertRaisedArguments) _args: AlertRaisedArguments,
    @Ctx() context: LiveContext,
  ): Alert {
    return asNewRequest(context, alert);
  }
}

/**
 * A subscription's `subscribe`: validates the arguments as `ArgumentsClass` (nested inputs
 * as theirs) before anything is watched, then lets `start` ask the live service.
 */
function subscribeTo<T extends object>(
  ArgumentsClass: new () => T,
  nested: Partial<Record<keyof T, new () => object>>,
  start: (validated: T, live: LiveService, info: GraphQLResolveInfo) => Promise<AsyncIterable<unknown>>,
): (
  data: SubscribeResolverData<unknown, Record<string, unknown>, unknown>,
) => Promise<AsyncIterable<unknown>> {
  return async ({ args, context, info }) =>
    start(
      await subscriptionArguments(ArgumentsClass, args, context, nested),
      (context as LiveContext).live,
      info,
    );
}

/**
 * An event's value, its context given loaders of its own: each event is a request of its
 * own, so relations are loaded afresh, never from an earlier event's cache.
 */
function asNewRequest<T>(context: LiveContext, value: T): T {
  context.loaders = createGatewayLoaders(context.repositories);
  return value;
}
