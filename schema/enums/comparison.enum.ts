import { METRIC_COMPARISONS } from "../../src/pipelines/metric-range";
import { graphqlEnum } from "./graphql-enum";

/** The period a metrics query is compared with: the pipelines' MetricComparison. */
export type Comparison = (typeof METRIC_COMPARISONS)[number];
export const Comparison = graphqlEnum(
  "Comparison",
  METRIC_COMPARISONS,
  "PREVIOUS_PERIOD: the period just before (the previous calendar period for calendar ranges, the same duration back otherwise); " +
    "PREVIOUS_YEAR: the same local dates one year earlier. Rows match by bucket position and dimension values",
);
