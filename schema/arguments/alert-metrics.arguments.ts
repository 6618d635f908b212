import { ArrayMaxSize, ArrayUnique, ValidateNested } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { AlertDimension } from "../enums/alert-dimension.enum";
import { Comparison } from "../enums/comparison.enum";
import { AlertFilter } from "../inputs/alert-filter.input";
import { TimeBucketInput } from "../inputs/time-bucket.input";
import { TimeRangeInput } from "../inputs/time-range.input";
import { TopInput } from "../inputs/top.input";

/** Arguments of `Query.alertMetrics`. */
@ArgsType()
export class AlertMetricsArguments {
  @Field(() => [AlertDimension], {
    nullable: true,
    description: "Dimensions, in the order rows sort by them",
  })
  @ArrayMaxSize(4)
  @ArrayUnique()
  groupBy: AlertDimension[] = [];

  @Field(() => TimeBucketInput, {
    nullable: true,
    description: "Without it: one row per combination for the whole range",
  })
  @ValidateNested()
  timeBucket?: TimeBucketInput;

  @Field(() => TimeRangeInput, { nullable: true, description: "On the alert's timestamp" })
  @ValidateNested()
  range?: TimeRangeInput;

  @Field(() => AlertFilter, { nullable: true })
  @ValidateNested()
  filter?: AlertFilter;

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
