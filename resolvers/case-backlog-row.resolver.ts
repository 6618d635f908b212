import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { CaseBacklogRow } from "../schema/types/case-backlog-row.type";
import { User } from "../schema/types/user.type";
import type { GatewayContext } from "../src/context";

/** The assignee of a caseBacklog row (one batched lookup for all rows). */
@Resolver(() => CaseBacklogRow)
export class CaseBacklogRowResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: "Grouped by ASSIGNEE: the assignee; null for unassigned",
  })
  assignee(@Root() row: CaseBacklogRow, @Ctx() { loaders }: GatewayContext): Promise<User | null> | null {
    return row.assigneeId ? loaders.userById.load(row.assigneeId) : null;
  }
}
