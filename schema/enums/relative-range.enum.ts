import { RELATIVE_RANGES } from "../../src/pipelines/metric-range";
import { graphqlEnum } from "./graphql-enum";

/** Ranges relative to now: the pipelines' RelativeRange. */
export type RelativeRange = (typeof RELATIVE_RANGES)[number];
export const RelativeRange = graphqlEnum(
  "RelativeRange",
  RELATIVE_RANGES,
  "A range relative to now in the calendar of the query's time zone: LAST_24_HOURS the 24 hours before now; " +
    "LAST_n_DAYS the n local days ending with today (to now); TODAY, THIS_WEEK … THIS_YEAR the whole current period; " +
    "YESTERDAY, LAST_WEEK … LAST_YEAR the whole period before it. Weeks start on timeBucket.weekStartsOn",
);
