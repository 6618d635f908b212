import { Resolver } from "type-graphql";
import { AlertMetricsArguments } from "../schema/arguments/alert-metrics.arguments";
import { AlertRaisedArguments } from "../schema/arguments/alert-raised.arguments";
import { AlertTrendsArguments } from "../schema/arguments/alert-trends.arguments";
import { CaseStatisticsArguments } from "../schema/arguments/case-statistics.arguments";
import { CaseUpdatedArguments } from "../schema/arguments/case-updated.arguments";
import { AlertFilter } from "../schema/inputs/alert-filter.input";
import { CaseStatisticsFilter } from "../schema/inputs/case-statistics-filter.input";
import { TimeBucketInput } from "../schema/inputs/time-bucket.input";
import { TimeRangeInput } from "../schema/inputs/time-range.input";
import { TopInput } from "../schema/inputs/top.input";
import { AlertMetrics } from "../schema/types/alert-metrics.type";
import { AlertTrendPoint } from "../schema/types/alert-trend-point.type";
import { Alert } from "../schema/types/alert.type";
import { CaseStatistic } from "../schema/types/case-statistic.type";
import { CaseUpdate } from "../schema/types/case-update.type";
import { RULES } from "../src/auth/auth-checker";
import { parseObjectId } from "../src/db/parse-object-id";
import { toAlertTrendsQuery, toCaseStatisticsQuery } from "./analytics-queries";
import { LiveSubscriptions } from "./live-subscriptions.decorator";
import { metricsCost } from "./metric-cost";
import { toAlertMetrics } from "./metric-rows.mapper";
import { toAlertMetricsQuery } from "./metrics-queries";

/** Subscriptions: the analytics and metrics queries kept up to date, a case's changes, new alerts. */
@Resolver()
@LiveSubscriptions({
  alertTrendsLive: {
    rule: RULES.ANALYST,
    returns: [AlertTrendPoint],
    description: "alertTrends now, and again after every change that can alter it",
    arguments: AlertTrendsArguments,
    start: (args, live) => live.alertTrends(toAlertTrendsQuery(args)),
  },
  alertMetricsLive: {
    rule: RULES.ANALYST,
    returns: AlertMetrics,
    description: "alertMetrics now, and again after every change of the alerts that alters it",
    complexity: metricsCost,
    arguments: AlertMetricsArguments,
    nested: { timeBucket: TimeBucketInput, range: TimeRangeInput, filter: AlertFilter, top: TopInput },
    start: (args, live, info) => live.alertMetrics(toAlertMetricsQuery(args, info), toAlertMetrics),
    // The rows' drill-downs.
    hasRelations: true,
  },
  caseStatisticsLive: {
    rule: RULES.ANALYST,
    returns: [CaseStatistic],
    description: "caseStatistics now, and again after every change of the cases",
    arguments: CaseStatisticsArguments,
    nested: { filter: CaseStatisticsFilter },
    start: (args, live) => live.caseStatistics(toCaseStatisticsQuery(args)),
  },
  caseUpdated: {
    rule: RULES.VIEWER,
    returns: CaseUpdate,
    description:
      "The case now and after each change; a final event with deleted: true when it is deleted (or does not exist)",
    arguments: CaseUpdatedArguments,
    start: (args, live) => live.caseUpdated(parseObjectId(args.id, "id")),
    hasRelations: true,
  },
  alertRaised: {
    rule: RULES.VIEWER,
    returns: Alert,
    description: "Each new alert that meets the filter",
    arguments: AlertRaisedArguments,
    nested: { filter: AlertFilter },
    start: (args, live) => live.alertRaised(args.filter),
    hasRelations: true,
  },
})
export class LiveResolver {}
