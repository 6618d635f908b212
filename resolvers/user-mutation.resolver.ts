import { Authorized, Args, Ctx, Mutation, Resolver } from "type-graphql";
import { CreateUserArguments } from "../schema/arguments/create-user.arguments";
import { UpdateUserArguments } from "../schema/arguments/update-user.arguments";
import { UpdateUserRoleArguments } from "../schema/arguments/update-user-role.arguments";
import { User } from "../schema/types/user.type";
import { RULES } from "../src/auth/auth-checker";
import { type GatewayContext, writeOrigin } from "../src/context";
import type { UserDocument } from "../src/db/user.document";
import { forgetUser } from "../src/loaders/stale-loaders";
import { toUser } from "../src/repositories/user.mapper";
import { parseObjectId } from "../src/db/parse-object-id";

/** Writes of users; each answers the user as stored after the write and is audited. */
@Resolver(() => User)
export class UserMutationResolver {
  @Authorized(RULES.ADMIN)
  @Mutation(() => User, {
    description: "Creates a user; an email that another user has (compared lower-cased) is CONFLICT",
  })
  async createUser(
    @Args(() => CreateUserArguments) { input }: CreateUserArguments,
    @Ctx() context: GatewayContext,
  ): Promise<User> {
    return answer(context, await context.repositories.userWrites.create(input, writeOrigin(context)));
  }

  @Authorized(RULES.ADMIN)
  @Mutation(() => User, { description: "Changes the name and/or settings of a user" })
  async updateUser(
    @Args(() => UpdateUserArguments) { id, input }: UpdateUserArguments,
    @Ctx() context: GatewayContext,
  ): Promise<User> {
    return answer(
      context,
      await context.repositories.userWrites.update(parseObjectId(id, "id"), input, writeOrigin(context)),
    );
  }

  @Authorized(RULES.ADMIN)
  @Mutation(() => User, { description: "Changes the role of a user" })
  async updateUserRole(
    @Args(() => UpdateUserRoleArguments) { id, role }: UpdateUserRoleArguments,
    @Ctx() context: GatewayContext,
  ): Promise<User> {
    return answer(
      context,
      await context.repositories.userWrites.updateRole(parseObjectId(id, "id"), role, writeOrigin(context)),
    );
  }
}

/** The user as written, with the request's loaders told about it. */
function answer(context: GatewayContext, document: UserDocument): User {
  forgetUser(context.loaders, document);
  return toUser(document);
}
