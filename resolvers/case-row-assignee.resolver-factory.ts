import type { ObjectId } from "mongodb";
import { type ClassType, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { User } from "../schema/types/user.type";
import type { GatewayContext } from "../src/context";

/**
 * The `assignee` field of the rows grouped by case dimensions (caseMetrics, caseBacklog):
 * one batched lookup for all rows. An abstract base resolver over the row type
 * (type-graphql's resolvers-inheritance pattern); the row's resolver extends it.
 */
export function caseRowAssigneeResolver<TRow extends { assigneeId: ObjectId | null }>(row: ClassType<TRow>) {
  @Resolver(() => row)
  abstract class CaseRowAssigneeResolver {
    @FieldResolver(() => User, {
      nullable: true,
      description: "Grouped by ASSIGNEE: the assignee; null for unassigned",
    })
    assignee(@Root() row: TRow, @Ctx() { loaders }: GatewayContext): Promise<User | null> | null {
      return row.assigneeId ? loaders.userById.load(row.assigneeId) : null;
    }
  }

  return CaseRowAssigneeResolver;
}
