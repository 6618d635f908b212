import { ArgsType, Field } from "type-graphql";
import { CaseDimension } from "../enums/case-dimension.enum";
import { CaseTimeField } from "../enums/case-time-field.enum";
import { CaseFilter } from "../inputs/case-filter.input";
import { metricsArgumentsType } from "./metrics.arguments-factory";

/** Arguments of `Query.caseMetrics`. */
@ArgsType()
export class CaseMetricsArguments extends metricsArgumentsType<CaseDimension, CaseFilter>({
  dimension: CaseDimension,
  maxDimensions: 5,
  filter: CaseFilter,
  rangeDescription: "On timeField",
}) {
  @Field(() => CaseTimeField, { nullable: true, description: "The instant buckets and the range apply to" })
  timeField: CaseTimeField = CaseTimeField.CREATED_AT;
}
