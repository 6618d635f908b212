import { ArrayMaxSize, ArrayUnique, ValidateNested } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { CaseDimension } from "../enums/case-dimension.enum";
import { CaseTimeField } from "../enums/case-time-field.enum";
import { Comparison } from "../enums/comparison.enum";
import { CaseFilter } from "../inputs/case-filter.input";
import { TimeBucketInput } from "../inputs/time-bucket.input";
import { TimeRangeInput } from "../inputs/time-range.input";
import { TopInput } from "../inputs/top.input";

/** Arguments of `Query.caseMetrics`. */
@ArgsType()
export class CaseMetricsArguments {
  @Field(() => [CaseDimension], { nullable: true, description: "Dimensions, in the order rows sort by them" })
  @ArrayMaxSize(5)
  @ArrayUnique()
  groupBy: CaseDimension[] = [];

  @Field(() => CaseTimeField, { nullable: true, description: "The instant buckets and the range apply to" })
  timeField: CaseTimeField = CaseTimeField.CREATED_AT;

  @Field(() => TimeBucketInput, {
    nullable: true,
    description: "Without it: one row per combination for the whole range",
  })
  @ValidateNested()
  timeBucket?: TimeBucketInput;

  @Field(() => TimeRangeInput, { nullable: true, description: "On timeField" })
  @ValidateNested()
  range?: TimeRangeInput;

  @Field(() => CaseFilter, { nullable: true })
  @ValidateNested()
  filter?: CaseFilter;

  @Field(() => Comparison, { nullable: true, description: "Fills `previous` of every row" })
  compareTo?: Comparison;

  @Field(() => Boolean, {
    nullable: true,
    description: "Zero rows for every bucket of the range and every dimension combination present",
  })
  fillGaps = true;

  @Field(() => TopInput, { nullable: true })
  @ValidateNested()
  top?: TopInput;
}
