import { registerEnumType } from "type-graphql";

/** Ranges relative to now. Values are the pipelines' RelativeRange. */
export enum RelativeRange {
  LAST_24_HOURS = "last_24_hours",
  LAST_7_DAYS = "last_7_days",
  LAST_30_DAYS = "last_30_days",
  LAST_90_DAYS = "last_90_days",
  TODAY = "today",
  YESTERDAY = "yesterday",
  THIS_WEEK = "this_week",
  LAST_WEEK = "last_week",
  THIS_MONTH = "this_month",
  LAST_MONTH = "last_month",
  THIS_QUARTER = "this_quarter",
  LAST_QUARTER = "last_quarter",
  THIS_YEAR = "this_year",
  LAST_YEAR = "last_year",
}

registerEnumType(RelativeRange, {
  name: "RelativeRange",
  description:
    "A range relative to now in the calendar of the query's time zone: LAST_24_HOURS the 24 hours before now; " +
    "LAST_n_DAYS the n local days ending with today (to now); TODAY, THIS_WEEK … THIS_YEAR the whole current period; " +
    "YESTERDAY, LAST_WEEK … LAST_YEAR the whole period before it. Weeks start on timeBucket.weekStartsOn",
});
