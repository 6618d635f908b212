import { Authorized, Args, Ctx, Mutation, Resolver } from "type-graphql";
import { CreateUserArguments } from "../schema/arguments/create-user.arguments";
import { UpdateUserArguments } from "../schema/arguments/update-user.arguments";
import { UpdateUserRoleArguments } from "../schema/arguments/update-user-role.arguments";
import { User } from "../schema/types/user.type";
import { RULES } from "../src/auth/auth-checker";
import type { GatewayContext } from "../src/context";
import { parseObjectId } from "../src/db/parse-object-id";
import { answerWrite, USER_WRITE } from "./answer-write";

/** Writes of users, for ADMIN only; each answers the user as stored after the write and is audited. */
@Authorized(RULES.ADMIN)
@Resolver(() => User)
export class UserMutationResolver {
  @Mutation(() => User, {
    description: "Creates a user; an email that another user has (compared lower-cased) is CONFLICT",
  })
  createUser(
    @Args(() => CreateUserArguments) { input }: CreateUserArguments,
    @Ctx() context: GatewayContext,
  ): Promise<User> {
    return answerWrite(context, USER_WRITE, (writes, origin) => writes.create(input, origin));
  }

  @Mutation(() => User, { description: "Changes the name and/or settings of a user" })
  updateUser(
    @Args(() => UpdateUserArguments) { id, input }: UpdateUserArguments,
    @Ctx() context: GatewayContext,
  ): Promise<User> {
    return answerWrite(context, USER_WRITE, (writes, origin) =>
      writes.update(parseObjectId(id, "id"), input, origin),
    );
  }

  @Mutation(() => User, { description: "Changes the role of a user" })
  updateUserRole(
    @Args(() => UpdateUserRoleArguments) { id, role }: UpdateUserRoleArguments,
    @Ctx() context: GatewayContext,
  ): Promise<User> {
    return answerWrite(context, USER_WRITE, (writes, origin) =>
      writes.updateRole(parseObjectId(id, "id"), role, origin),
    );
  }
}
