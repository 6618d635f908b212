import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Int, Resolver, Root } from "type-graphql";
import { AssignedCasesArguments } from "../schema/arguments/assigned-cases.arguments";
import { UsersArguments } from "../schema/arguments/users.arguments";
import { Case } from "../schema/types/case.type";
import { UserConnection } from "../schema/types/user-connection.type";
import { User } from "../schema/types/user.type";
import { RULES } from "../src/auth/auth-checker";
import type { GatewayContext } from "../src/context";
import { selectedStoredFields } from "../src/selection/selected-stored-fields";
import { SELECTION_PLACES } from "../src/selection/selection-places";
import { entityQueries } from "./entity-queries.resolver";

/** Users: lookup, paged listing (ANALYST), and the cases assigned to a user. */
@Resolver(() => User)
export class UserResolver extends entityQueries({
  node: User,
  connection: UserConnection,
  arguments: UsersArguments,
  one: { name: "user", description: "The user with this id; null when there is none" },
  many: { name: "users", description: "Users, newest first, one page at a time", rule: RULES.ANALYST },
  places: { one: SELECTION_PLACES.user, many: SELECTION_PLACES.userPage },
  findOne: ({ loaders }, id, fields) => loaders.userById.load(id, fields),
  findPage: ({ repositories }, args, fields) => repositories.users.page(args, fields),
}) {
  @FieldResolver(() => [Case], { description: "The user's newest cases (by creation time)" })
  assignedCases(
    @Root() user: User,
    @Args(() => AssignedCasesArguments) { status, first }: AssignedCasesArguments,
    @Ctx() { loaders }: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Case[]> {
    const fields = selectedStoredFields(info, SELECTION_PLACES.case);
    return loaders.casesByAssignee.load({
      assigneeId: user.objectId,
      statuses: status ?? undefined,
      first,
      fields,
    });
  }

  @FieldResolver(() => Int, { description: "Cases assigned to the user that are OPEN or IN_PROGRESS" })
  openCaseCount(@Root() user: User, @Ctx() { loaders }: GatewayContext): Promise<number> {
    return loaders.openCaseCountByAssignee.load(user.objectId);
  }
}
