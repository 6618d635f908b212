import { ArrayMaxSize, ArrayUnique, ValidateNested } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { CaseDimension } from "../enums/case-dimension.enum";
import { CaseFilter } from "../inputs/case-filter.input";
import { TimeBucketInput } from "../inputs/time-bucket.input";
import { TimeRangeInput } from "../inputs/time-range.input";

/** Arguments of `Query.caseBacklog`. */
@ArgsType()
export class CaseBacklogArguments {
  @Field(() => TimeBucketInput)
  @ValidateNested()
  timeBucket!: TimeBucketInput;

  @Field(() => TimeRangeInput, { nullable: true, description: "Widened to whole buckets" })
  @ValidateNested()
  range?: TimeRangeInput;

  @Field(() => [CaseDimension], { nullable: true, description: "Dimensions, in the order rows sort by them" })
  @ArrayMaxSize(5)
  @ArrayUnique()
  groupBy: CaseDimension[] = [];

  @Field(() => CaseFilter, { nullable: true })
  @ValidateNested()
  filter?: CaseFilter;
}
