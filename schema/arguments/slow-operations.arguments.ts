import { Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";
import { MaxPageSize } from "../validation/max-page-size.decorator";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";

/** Arguments of `Query.slowOperations`. */
@ArgsType()
export class SlowOperationsArguments {
  @Field(() => Int, {
    nullable: true,
    description: "Only operations that took at least this many milliseconds",
  })
  @Min(0, { message: "must be at least 0" })
  minMillis = 100;

  @Field(() => Int, {
    nullable: true,
    description: "How many of the newest, from 1 to MAX_PAGE_SIZE (100 unless configured)",
  })
  @Min(1, { message: VALIDATION_MESSAGES.pageSizeMin })
  @MaxPageSize()
  first = 20;
}
