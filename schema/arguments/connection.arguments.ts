import { Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";
import { MaxPageSize } from "../validation/max-page-size.decorator";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";

/** `first` and `after` of every connection: one page of at most MAX_PAGE_SIZE after a cursor. */
@ArgsType()
export class ConnectionArguments {
  @Field(() => Int, {
    nullable: true,
    description: "Page size, from 1 to MAX_PAGE_SIZE (100 unless configured)",
  })
  @Min(1, { message: VALIDATION_MESSAGES.pageSizeMin })
  @MaxPageSize()
  first = 20;

  @Field(() => String, { nullable: true, description: "endCursor of the previous page" })
  after?: string;
}
