import { ArgsType, Field } from "type-graphql";

/** Arguments of `Query.alertSeverityBreakdown`. */
@ArgsType()
export class AlertSeverityBreakdownArguments {
  @Field(() => Boolean, { nullable: true, description: "Count resolved (true) or open (false) alerts" })
  resolved = false;
}
