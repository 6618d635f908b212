import { ArgsType, Field } from "type-graphql";

/** Arguments of `Case.alertCount`. */
@ArgsType()
export class CaseAlertCountArguments {
  @Field(() => Boolean, { nullable: true, description: "Count only resolved (true) or open (false) alerts" })
  resolved?: boolean;
}
