import { Min, ValidateNested } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";
import { AlertFilter } from "../inputs/alert-filter.input";
import { AlertOrder } from "../inputs/alert-order.input";
import { MaxPageSize } from "./max-page-size.decorator";
import { VALIDATION_MESSAGES } from "./validation-messages";

/** Arguments of `Query.alerts`. */
@ArgsType()
export class AlertsArguments {
  @Field(() => AlertFilter, { nullable: true })
  @ValidateNested()
  filter?: AlertFilter;

  @Field(() => AlertOrder, { nullable: true, description: "Defaults to newest first (TIMESTAMP DESC)" })
  orderBy?: AlertOrder;

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
