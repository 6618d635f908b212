import { ArgsType } from "type-graphql";
import { AlertDimension } from "../enums/alert-dimension.enum";
import { AlertFilter } from "../inputs/alert-filter.input";
import { metricsArgumentsType } from "./metrics.arguments-factory";

/** Arguments of `Query.alertMetrics`. */
@ArgsType()
export class AlertMetricsArguments extends metricsArgumentsType<AlertDimension, AlertFilter>({
  dimension: AlertDimension,
  maxDimensions: 4,
  filter: AlertFilter,
  rangeDescription: "On the alert's timestamp",
}) {}
