import { ValidateNested } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { UserFilter } from "../inputs/user-filter.input";
import { ConnectionArguments } from "./connection.arguments";
import type { UserListCriteria } from "../../src/domain/user-list.criteria";

/** Arguments of `Query.users`; users come newest first. */
@ArgsType()
export class UsersArguments extends ConnectionArguments implements UserListCriteria {
  @Field(() => UserFilter, { nullable: true })
  @ValidateNested()
  filter?: UserFilter;
}
