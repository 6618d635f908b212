import { registerEnumType } from "type-graphql";
import type { TimeGranularity as PipelineTimeGranularity } from "../../src/pipelines/time-granularity";

/** Width of a metrics bucket. Values are the pipelines' TimeGranularity. */
export enum TimeGranularity {
  HOUR = "hour",
  DAY = "day",
  WEEK = "week",
  MONTH = "month",
  QUARTER = "quarter",
  YEAR = "year",
}

/** Compile-time proof that the enum and the pipelines' union are the same set. */
export const TIME_GRANULARITY_VALUES: Readonly<Record<TimeGranularity, PipelineTimeGranularity>> = {
  [TimeGranularity.HOUR]: "hour",
  [TimeGranularity.DAY]: "day",
  [TimeGranularity.WEEK]: "week",
  [TimeGranularity.MONTH]: "month",
  [TimeGranularity.QUARTER]: "quarter",
  [TimeGranularity.YEAR]: "year",
};

registerEnumType(TimeGranularity, {
  name: "TimeGranularity",
  description: "Width of a bucket, in calendar units of the query's time zone (local midnight across DST)",
});
