import { ArrayMaxSize } from "class-validator";
import { Field, InputType } from "type-graphql";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { IdField } from "../validation/id-field.decorator";

/** Which cases the statistics count. */
@InputType("CaseStatisticsFilter", {
  description: "Which cases the statistics count; createdAfter is inclusive, createdBefore exclusive",
})
export class CaseStatisticsFilter {
  @Field(() => DateTimeScalar, { nullable: true }) createdAfter?: Date;

  @Field(() => DateTimeScalar, { nullable: true }) createdBefore?: Date;

  @Field(() => [String], { nullable: true, description: "Only cases carrying these tags" })
  @ArrayMaxSize(100, { message: VALIDATION_MESSAGES.tooManyItems })
  tags?: string[];

  @IdField({ nullable: true }) assigneeId?: string;
}
