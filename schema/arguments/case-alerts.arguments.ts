import { ArgsType, Field } from "type-graphql";
import { PageSizeField } from "../validation/page-size-field.decorator";

/** Arguments of `Case.alerts`: the newest alerts of the case. */
@ArgsType()
export class CaseAlertsArguments {
  @Field(() => Boolean, {
    nullable: true,
    description: "Only resolved (true) or open (false) alerts; all when absent",
  })
  resolved?: boolean;

  @PageSizeField("How many of the newest alerts, from 1 to MAX_PAGE_SIZE") first = 20;
}
