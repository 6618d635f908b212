import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Int, Resolver, Root } from "type-graphql";
import { CaseAlertCountArguments } from "../schema/arguments/case-alert-count.arguments";
import { CaseAlertsArguments } from "../schema/arguments/case-alerts.arguments";
import { CasesArguments } from "../schema/arguments/cases.arguments";
import { Alert } from "../schema/types/alert.type";
import { CaseConnection } from "../schema/types/case-connection.type";
import { Case } from "../schema/types/case.type";
import { User } from "../schema/types/user.type";
import { RULES } from "../src/auth/auth-checker";
import type { GatewayContext } from "../src/context";
import { selectedStoredFields } from "../src/selection/selected-stored-fields";
import { SELECTION_PLACES } from "../src/selection/selection-places";
import { entityQueries, referenced } from "./entity-queries.resolver";

/** Cases: lookup, paged listing, and the relations of a case (through per-request loaders). */
@Resolver(() => Case)
export class CaseResolver extends entityQueries({
  node: Case,
  connection: CaseConnection,
  arguments: CasesArguments,
  one: { name: "case", description: "The case with this id; null when there is none" },
  many: { name: "cases", description: "Cases matching a filter, one page at a time", rule: RULES.VIEWER },
  places: { one: SELECTION_PLACES.case, many: SELECTION_PLACES.casePage },
  findOne: ({ loaders }, id, fields) => loaders.caseById.load(id, fields),
  findPage: ({ repositories }, args, fields) => repositories.cases.page(args, fields),
}) {
  @FieldResolver(() => User, { nullable: true, description: "Null when unassigned" })
  assignee(@Root() node: Case, @Ctx() { loaders }: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return referenced(loaders.userById, node.assigneeId, info, SELECTION_PLACES.user);
  }

  @FieldResolver(() => [Alert], { description: "The case's newest alerts (by timestamp)" })
  alerts(
    @Root() node: Case,
    @Args(() => CaseAlertsArguments) { resolved, first }: CaseAlertsArguments,
    @Ctx() { loaders }: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Alert[]> {
    const fields = selectedStoredFields(info, SELECTION_PLACES.alert);
    return loaders.alertsByCase.load({
      caseId: node.objectId,
      resolved: resolved ?? undefined,
      first,
      fields,
    });
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
