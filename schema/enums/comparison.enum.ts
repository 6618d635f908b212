import { registerEnumType } from "type-graphql";

/** The period a metrics query is compared with. Values are the pipelines' MetricComparison. */
export enum Comparison {
  PREVIOUS_PERIOD = "previous_period",
  PREVIOUS_YEAR = "previous_year",
}

registerEnumType(Comparison, {
  name: "Comparison",
  description:
    "PREVIOUS_PERIOD: the period just before (the previous calendar period for calendar ranges, the same duration back otherwise); " +
    "PREVIOUS_YEAR: the same local dates one year earlier. Rows match by bucket position and dimension values",
});
