import { registerEnumType } from "type-graphql";
import type { TrendGranularity as PipelineTrendGranularity } from "../../src/pipelines/time-granularity";

/** Width of one bucket of a trend. Values are what the analytics repository expects. */
export enum TrendGranularity {
  HOUR = "hour",
  DAY = "day",
  WEEK = "week",
  MONTH = "month",
}

registerEnumType(TrendGranularity, {
  name: "TrendGranularity",
  description: "Width of one trend bucket, in calendar units of the requested time zone",
});

/** Compile-time proof that the enum holds the pipelines' trend granularities (src/pipelines/time-granularity.ts). */
export const TREND_GRANULARITY_VALUES: Readonly<Record<TrendGranularity, PipelineTrendGranularity>> = {
  [TrendGranularity.HOUR]: "hour",
  [TrendGranularity.DAY]: "day",
  [TrendGranularity.WEEK]: "week",
  [TrendGranularity.MONTH]: "month",
};
