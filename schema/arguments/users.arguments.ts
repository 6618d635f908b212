import { Min, ValidateNested } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";
import { UserFilter } from "../inputs/user-filter.input";
import { MaxPageSize } from "./max-page-size.decorator";
import { VALIDATION_MESSAGES } from "./validation-messages";

/** Arguments of `Query.users`; users come newest first. */
@ArgsType()
export class UsersArguments {
  @Field(() => UserFilter, { nullable: true })
  @ValidateNested()
  filter?: UserFilter;

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
