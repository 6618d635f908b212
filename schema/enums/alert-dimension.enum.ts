import { ALERT_DIMENSIONS, type AlertDimensionName } from "../../src/pipelines/metric-dimensions";
import { graphqlEnum } from "./graphql-enum";

/** What alertMetrics groups by: the pipelines' dimension names. */
export type AlertDimension = AlertDimensionName;
export const AlertDimension = graphqlEnum(
  "AlertDimension",
  Object.keys(ALERT_DIMENSIONS) as AlertDimensionName[],
  "A dimension alertMetrics groups by; severity sorts by rank, the others by value",
);
