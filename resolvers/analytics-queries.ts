import { ObjectId } from "mongodb";
import type { AlertTrendsArguments } from "../schema/arguments/alert-trends.arguments";
import type { CaseStatisticsArguments } from "../schema/arguments/case-statistics.arguments";
import type { AlertTrendsQuery, CaseStatisticsQuery } from "../src/repositories/analytics.repository";

/** alertTrends' arguments as the analytics repository takes them (queries and live fields alike). */
export function toAlertTrendsQuery(args: AlertTrendsArguments): AlertTrendsQuery {
  return {
    from: args.from ?? undefined,
    to: args.to ?? undefined,
    granularity: args.granularity,
    timezone: args.timezone,
    types: args.types ?? undefined,
    fillGaps: args.fillGaps,
  };
}

/** caseStatistics' arguments as the analytics repository takes them. */
export function toCaseStatisticsQuery({ filter }: CaseStatisticsArguments): CaseStatisticsQuery {
  return {
    createdAfter: filter?.createdAfter ?? undefined,
    createdBefore: filter?.createdBefore ?? undefined,
    tags: filter?.tags ?? undefined,
    assigneeId: filter?.assigneeId ? ObjectId.createFromHexString(filter.assigneeId) : undefined,
  };
}
