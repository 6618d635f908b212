import { Field, InputType } from "type-graphql";
import { UserRole } from "../enums/user-role.enum";
import type { UserFilterCriteria } from "../../src/domain/user-filter.criteria";

/** Conditions on users. */
@InputType("UserFilter", { description: "Conditions a user must all meet" })
export class UserFilter implements UserFilterCriteria {
  @Field(() => [UserRole], {
    nullable: true,
    description: "Any of these roles (an empty list matches nothing)",
  })
  role?: UserRole[];
}
