import { Max, MaxLength, Min } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";

/** Keep the largest dimension combinations. */
@InputType("TopInput", {
  description:
    "Keep the `limit` dimension combinations with the largest total of `measure` over the whole range (in every bucket); " +
    "withOther adds one row per bucket, other: true, holding the rest",
})
export class TopInput {
  @Field(() => String, {
    description: "A count measure of the query: count, resolvedCount, unresolvedCount or openCount",
  })
  @MaxLength(64, { message: VALIDATION_MESSAGES.tooLong })
  measure!: string;

  @Field(() => Int)
  @Min(1)
  @Max(1000)
  limit!: number;

  @Field(() => Boolean, { nullable: true }) withOther = false;
}
