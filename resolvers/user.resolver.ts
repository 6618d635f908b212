import { Authorized, Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { AssignedCasesArguments } from "../schema/arguments/assigned-cases.arguments";
import { parseObjectId } from "../src/db/parse-object-id";
import { UsersArguments } from "../schema/arguments/users.arguments";
import { Case } from "../schema/types/case.type";
import { UserConnection } from "../schema/types/user-connection.type";
import { User } from "../schema/types/user.type";
import { RULES } from "../src/auth/auth-checker";
import type { GatewayContext } from "../src/context";
import type { Page } from "../src/repositories/page";

/** Users: lookup, paged listing, and the cases assigned to a user. */
@Resolver(() => User)
export class UserResolver {
  @Authorized(RULES.VIEWER)
  @Query(() => User, { nullable: true, description: "The user with this id; null when there is none" })
  user(@Arg("id", () => ID) id: string, @Ctx() { loaders }: GatewayContext): Promise<User | null> {
    return loaders.userById.load(parseObjectId(id, "id"));
  }

  @Authorized(RULES.ANALYST)
  @Query(() => UserConnection, { description: "Users, newest first, one page at a time" })
  users(
    @Args(() => UsersArguments) args: UsersArguments,
    @Ctx() { repositories }: GatewayContext,
  ): Promise<Page<User>> {
    return repositories.users.page(args);
  }

  @FieldResolver(() => [Case], { description: "The user's newest cases (by creation time)" })
  assignedCases(
    @Root() user: User,
    @Args(() => AssignedCasesArguments) { status, first }: AssignedCasesArguments,
    @Ctx() { loaders }: GatewayContext,
  ): Promise<Case[]> {
    return loaders.casesByAssignee.load({ assigneeId: user.objectId, statuses: status ?? undefined, first });
  }

  @FieldResolver(() => Int, { description: "Cases assigned to the user that are OPEN or IN_PROGRESS" })
  openCaseCount(@Root() user: User, @Ctx() { loaders }: GatewayContext): Promise<number> {
    return loaders.openCaseCountByAssignee.load(user.objectId);
  }
}
