import { Authorized, Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { CaseAlertCountArguments } from "../schema/arguments/case-alert-count.arguments";
import { CaseAlertsArguments } from "../schema/arguments/case-alerts.arguments";
import { CasesArguments } from "../schema/arguments/cases.arguments";
import { parseObjectId } from "../src/db/parse-object-id";
import { Alert } from "../schema/types/alert.type";
import { CaseConnection } from "../schema/types/case-connection.type";
import { Case } from "../schema/types/case.type";
import { User } from "../schema/types/user.type";
import { RULES } from "../src/auth/auth-checker";
import type { GatewayContext } from "../src/context";
import type { Page } from "../src/repositories/page";

/** Cases: lookup, paged listing, and the relations of a case (through per-request loaders). */
@Resolver(() => Case)
export class CaseResolver {
  @Authorized(RULES.VIEWER)
  @Query(() => Case, { nullable: true, description: "The case with this id; null when there is none" })
  case(@Arg("id", () => ID) id: string, @Ctx() { loaders }: GatewayContext): Promise<Case | null> {
    return loaders.caseById.load(parseObjectId(id, "id"));
  }

  @Authorized(RULES.VIEWER)
  @Query(() => CaseConnection, { description: "Cases matching a filter, one page at a time" })
  cases(
    @Args(() => CasesArguments) args: CasesArguments,
    @Ctx() { repositories }: GatewayContext,
  ): Promise<Page<Case>> {
    return repositories.cases.page(args);
  }

  @FieldResolver(() => User, { nullable: true, description: "Null when unassigned" })
  async assignee(@Root() node: Case, @Ctx() { loaders }: GatewayContext): Promise<User | null> {
    return node.assigneeId ? loaders.userById.load(node.assigneeId) : null;
  }

  @FieldResolver(() => [Alert], { description: "The case's newest alerts (by timestamp)" })
  alerts(
    @Root() node: Case,
    @Args(() => CaseAlertsArguments) { resolved, first }: CaseAlertsArguments,
    @Ctx() { loaders }: GatewayContext,
  ): Promise<Alert[]> {
    return loaders.alertsByCase.load({ caseId: node.objectId, resolved: resolved ?? undefined, first });
  }

  @FieldResolver(() => Int, { description: "Number of alerts attached to the case" })
  alertCount(
    @Root() node: Case,
    @Args(() => CaseAlertCountArguments) { resolved }: CaseAlertCountArguments,
    @Ctx() { loaders }: GatewayContext,
  ): Promise<number> {
    return loaders.alertCountByCase.load({ caseId: node.objectId, resolved: resolved ?? undefined });
  }
}
