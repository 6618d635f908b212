import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { AlertsArguments } from "../schema/arguments/alerts.arguments";
import { AlertConnection } from "../schema/types/alert-connection.type";
import { Alert } from "../schema/types/alert.type";
import { Case } from "../schema/types/case.type";
import { RULES } from "../src/auth/auth-checker";
import type { GatewayContext } from "../src/context";
import { SELECTION_PLACES } from "../src/selection/selection-places";
import { entityQueries, referenced } from "./entity-queries.resolver";

/** Alerts: lookup, paged listing, and the case an alert belongs to. */
@Resolver(() => Alert)
export class AlertResolver extends entityQueries({
  node: Alert,
  connection: AlertConnection,
  arguments: AlertsArguments,
  one: { name: "alert", description: "The alert with this id; null when there is none" },
  many: { name: "alerts", description: "Alerts matching a filter, one page at a time", rule: RULES.VIEWER },
  places: { one: SELECTION_PLACES.alert, many: SELECTION_PLACES.alertPage },
  findOne: ({ repositories }, id, fields) => repositories.alerts.findById(id, fields),
  findPage: ({ repositories }, args, fields) => repositories.alerts.page(args, fields),
}) {
  @FieldResolver(() => Case, { nullable: true, description: "Null when the alert is not attached to a case" })
  case(@Root() alert: Alert, @Ctx() { loaders }: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return referenced(loaders.caseById, alert.caseId, info, SELECTION_PLACES.case);
  }
}
