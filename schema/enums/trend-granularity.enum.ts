import { registerEnumType } from "type-graphql";

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
