import { Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";
import { MaxPageSize } from "../validation/max-page-size.decorator";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";

/** Arguments of `Case.alerts`: the newest alerts of the case. */
@ArgsType()
export class CaseAlertsArguments {
  @Field(() => Boolean, {
    nullable: true,
    description: "Only resolved (true) or open (false) alerts; all when absent",
  })
  resolved?: boolean;

  @Field(() => Int, { nullable: true, description: "How many of the newest alerts, from 1 to MAX_PAGE_SIZE" })
  @Min(1, { message: VALIDATION_MESSAGES.pageSizeMin })
  @MaxPageSize()
  first = 20;
}
