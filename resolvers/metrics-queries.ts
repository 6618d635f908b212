import type { GraphQLResolveInfo } from "graphql";
import type { AlertMetricsArguments } from "../schema/arguments/alert-metrics.arguments";
import type { CaseBacklogArguments } from "../schema/arguments/case-backlog.arguments";
import type { CaseMetricsArguments } from "../schema/arguments/case-metrics.arguments";
import { CaseTimeField } from "../schema/enums/case-time-field.enum";
import { ISO_WEEKDAY, Weekday } from "../schema/enums/weekday.enum";
import type { TimeBucketInput } from "../schema/inputs/time-bucket.input";
import type { TimeRangeInput } from "../schema/inputs/time-range.input";
import type { TopInput } from "../schema/inputs/top.input";
import { alertFilterQuery } from "../src/repositories/alert-filter.query";
import { caseFilterQuery } from "../src/repositories/case-filter.query";
import type {
  AlertMetricsQuery,
  CaseBacklogQuery,
  CaseMetricsQuery,
  MetricRangeQuery,
  MetricsQueryBase,
  TimeBucketQuery,
} from "../src/repositories/metrics.repository";
import { selectedMeasures, selectedPercentiles } from "./metric-selection";

/** alertMetrics' arguments and selection as the metrics repository takes them (query and live field alike). */
export function toAlertMetricsQuery(
  args: AlertMetricsArguments,
  info: GraphQLResolveInfo,
): AlertMetricsQuery {
  return {
    ...commonQuery(args, info),
    groupBy: args.groupBy ?? [],
    filter: alertFilterQuery(args.filter),
  };
}

/** caseMetrics' arguments and selection as the metrics repository takes them. */
export function toCaseMetricsQuery(args: CaseMetricsArguments, info: GraphQLResolveInfo): CaseMetricsQuery {
  const query = commonQuery(args, info);
  return {
    ...query,
    groupBy: args.groupBy ?? [],
    timeField: args.timeField ?? CaseTimeField.CREATED_AT,
    filter: caseFilterQuery(args.filter),
    percentiles: selectedPercentiles(query.selected),
  };
}

/** caseBacklog's arguments as the metrics repository takes them. */
export function toCaseBacklogQuery(args: CaseBacklogArguments): CaseBacklogQuery {
  return {
    timeBucket: timeBucketQuery(args.timeBucket),
    range: rangeQuery(args.range),
    groupBy: args.groupBy ?? [],
    filter: caseFilterQuery(args.filter),
  };
}

/** The parts of every metrics query, from its arguments and its selection. */
function commonQuery(
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
