import type { GraphQLResolveInfo } from "graphql";
import { Args, Authorized, Ctx, Info, Query, Resolver } from "type-graphql";
import { AlertMetricsArguments } from "../schema/arguments/alert-metrics.arguments";
import { CaseBacklogArguments } from "../schema/arguments/case-backlog.arguments";
import { CaseMetricsArguments } from "../schema/arguments/case-metrics.arguments";
import { CaseTimeField } from "../schema/enums/case-time-field.enum";
import { ISO_WEEKDAY, Weekday } from "../schema/enums/weekday.enum";
import type { TimeBucketInput } from "../schema/inputs/time-bucket.input";
import type { TimeRangeInput } from "../schema/inputs/time-range.input";
import type { TopInput } from "../schema/inputs/top.input";
import { AlertMetrics } from "../schema/types/alert-metrics.type";
import { CaseBacklog } from "../schema/types/case-backlog.type";
import { CaseMetrics } from "../schema/types/case-metrics.type";
import { RULES } from "../src/auth/auth-checker";
import type { GatewayContext } from "../src/context";
import { alertFilterQuery } from "../src/repositories/alert-filter.query";
import { caseFilterQuery } from "../src/repositories/case-filter.query";
import type {
  MetricRangeQuery,
  MetricsQueryBase,
  TimeBucketQuery,
} from "../src/repositories/metrics.repository";
import { metricsCost } from "./metric-cost";
import { toAlertMetrics, toCaseBacklog, toCaseMetrics } from "./metric-rows.mapper";
import { selectedMeasures, selectedPercentiles } from "./metric-selection";

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
    const answer = await repositories.metrics.alertMetrics({
      ...commonQuery(args, info),
      groupBy: args.groupBy ?? [],
      filter: alertFilterQuery(args.filter),
    });
    return toAlertMetrics(answer);
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
    const query = commonQuery(args, info);
    const answer = await repositories.metrics.caseMetrics({
      ...query,
      groupBy: args.groupBy ?? [],
      timeField: args.timeField ?? CaseTimeField.CREATED_AT,
      filter: caseFilterQuery(args.filter),
      percentiles: selectedPercentiles(query.selected),
    });
    return toCaseMetrics(answer);
  }

  @Query(() => CaseBacklog, {
    description:
      "Cases open at the end of each bucket, opened and resolved during it, per dimension combination",
  })
  async caseBacklog(
    @Args(() => CaseBacklogArguments) args: CaseBacklogArguments,
    @Ctx() { repositories }: GatewayContext,
  ): Promise<CaseBacklog> {
    const answer = await repositories.metrics.caseBacklog({
      timeBucket: timeBucketQuery(args.timeBucket),
      range: rangeQuery(args.range),
      groupBy: args.groupBy ?? [],
      filter: caseFilterQuery(args.filter),
    });
    return toCaseBacklog(answer);
  }
}

function timeBucketQuery(input: TimeBucketInput): TimeBucketQuery {
  // An explicit null takes the default, as an omitted field does.
  return {
    granularity: input.granularity,
    timezone: input.timezone ?? "UTC",
    weekStart: ISO_WEEKDAY[input.weekStartsOn ?? Weekday.MONDAY],
  };
}

function rangeQuery(input: TimeRangeInput | undefined): MetricRangeQuery | undefined {
  return input
    ? { from: input.from ?? undefined, to: input.to ?? undefined, relative: input.relative ?? undefined }
    : undefined;
}

/** The arguments every metrics query shares, as the repository takes them. */
/** The parts of every metrics query, from its arguments and its selection (also used by alertMetricsLive). */
export function commonQuery(
  args: {
    timeBucket?: TimeBucketInput;
    range?: TimeRangeInput;
    compareTo?: MetricsQueryBase["compareTo"];
    fillGaps: boolean;
    top?: TopInput;
  },
  info: GraphQLResolveInfo,
): MetricsQueryBase {
  const selected = selectedMeasures(info);
  if (args.top) selected.add(args.top.measure);
  return {
    timeBucket: args.timeBucket ? timeBucketQuery(args.timeBucket) : undefined,
    range: rangeQuery(args.range),
    compareTo: args.compareTo ?? undefined,
    // An explicit null takes the default, as an omitted argument does.
    fillGaps: args.fillGaps ?? true,
    top: args.top
      ? { measure: args.top.measure, limit: args.top.limit, withOther: args.top.withOther ?? false }
      : undefined,
    selected,
  };
}
