import { TIME_GRANULARITIES } from "../../src/pipelines/time-granularity";
import { graphqlEnum } from "./graphql-enum";

/** Width of a metrics bucket: the pipelines' TimeGranularity. */
export type TimeGranularity = (typeof TIME_GRANULARITIES)[number];
export const TimeGranularity = graphqlEnum(
  "TimeGranularity",
  TIME_GRANULARITIES,
  "Width of a bucket, in calendar units of the query's time zone (local midnight across DST)",
);
