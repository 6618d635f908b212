import { ValidateNested } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { UserFilter } from "../inputs/user-filter.input";
import { ConnectionArguments } from "./connection.arguments";

/** Arguments of `Query.users`; users come newest first. */
@ArgsType()
export class UsersArguments extends ConnectionArguments {
  @Field(() => UserFilter, { nullable: true })
  @ValidateNested()
  filter?: UserFilter;
}
