import { ValidateNested } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { AlertFilter } from "../inputs/alert-filter.input";

/** Arguments of `Subscription.alertRaised`. */
@ArgsType()
export class AlertRaisedArguments {
  @Field(() => AlertFilter, { nullable: true, description: "Only new alerts that meet it" })
  @ValidateNested()
  filter?: AlertFilter;
}
