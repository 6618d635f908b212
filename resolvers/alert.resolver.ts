import { Authorized, Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { AlertsArguments } from "../schema/arguments/alerts.arguments";
import { parseObjectId } from "../src/db/parse-object-id";
import { AlertConnection } from "../schema/types/alert-connection.type";
import { Alert } from "../schema/types/alert.type";
import { Case } from "../schema/types/case.type";
import { RULES } from "../src/auth/auth-checker";
import type { GatewayContext } from "../src/context";
import type { Page } from "../src/repositories/page";

/** Alerts: lookup, paged listing, and the case an alert belongs to. */
@Resolver(() => Alert)
export class AlertResolver {
  @Authorized(RULES.VIEWER)
  @Query(() => Alert, { nullable: true, description: "The alert with this id; null when there is none" })
  alert(@Arg("id", () => ID) id: string, @Ctx() { repositories }: GatewayContext): Promise<Alert | null> {
    return repositories.alerts.findById(parseObjectId(id, "id"));
  }

  @Authorized(RULES.VIEWER)
  @Query(() => AlertConnection, { description: "Alerts matching a filter, one page at a time" })
  alerts(
    @Args(() => AlertsArguments) args: AlertsArguments,
    @Ctx() { repositories }: GatewayContext,
  ): Promise<Page<Alert>> {
    return repositories.alerts.page(args);
  }

  @FieldResolver(() => Case, { nullable: true, description: "Null when the alert is not attached to a case" })
  async case(@Root() alert: Alert, @Ctx() { loaders }: GatewayContext): Promise<Case | null> {
    return alert.caseId ? loaders.caseById.load(alert.caseId) : null;
  }
}
