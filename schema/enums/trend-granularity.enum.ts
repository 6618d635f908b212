import { TREND_GRANULARITIES } from "../../src/pipelines/time-granularity";
import { graphqlEnum } from "./graphql-enum";

/** Width of one bucket of a trend: the pipelines' TrendGranularity. */
export type TrendGranularity = (typeof TREND_GRANULARITIES)[number];
export const TrendGranularity = graphqlEnum(
  "TrendGranularity",
  TREND_GRANULARITIES,
  "Width of one trend bucket, in calendar units of the requested time zone",
);
