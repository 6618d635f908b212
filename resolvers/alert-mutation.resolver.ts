import { Authorized, Args, Ctx, Mutation, Resolver } from "type-graphql";
import { AlertIdArguments } from "../schema/arguments/alert-id.arguments";
import { CreateAlertArguments } from "../schema/arguments/create-alert.arguments";
import { LinkAlertArguments } from "../schema/arguments/link-alert.arguments";
import { ResolveAlertArguments } from "../schema/arguments/resolve-alert.arguments";
import { Alert } from "../schema/types/alert.type";
import { RULES } from "../src/auth/auth-checker";
import type { GatewayContext } from "../src/context";
import { parseObjectId } from "../src/db/parse-object-id";
import { ALERT_WRITE, answerWrite } from "./answer-write";

/**
 * Writes of alerts, for RESPONDER and above; each answers the alert as stored after the
 * write and is audited.
 */
@Authorized(RULES.RESPONDER)
@Resolver(() => Alert)
export class AlertMutationResolver {
  @Mutation(() => Alert, {
    description: "Creates an alert, unresolved; with a caseId the case must exist (NOT_FOUND otherwise)",
  })
  createAlert(
    @Args(() => CreateAlertArguments) { input }: CreateAlertArguments,
    @Ctx() context: GatewayContext,
  ): Promise<Alert> {
    return answerWrite(context, ALERT_WRITE, (writes, origin) => writes.create(input, origin));
  }

  @Mutation(() => Alert, {
    description: "Resolves an open alert; BAD_USER_INPUT when it is resolved already",
  })
  resolveAlert(
    @Args(() => ResolveAlertArguments) { id, resolution }: ResolveAlertArguments,
    @Ctx() context: GatewayContext,
  ): Promise<Alert> {
    return answerWrite(context, ALERT_WRITE, (writes, origin) =>
      writes.resolve(parseObjectId(id, "id"), resolution, origin),
    );
  }

  @Mutation(() => Alert, {
    description: "Attaches an alert to a case (moving it from its current case, if any); both must exist",
  })
  linkAlertToCase(
    @Args(() => LinkAlertArguments) { alertId, caseId }: LinkAlertArguments,
    @Ctx() context: GatewayContext,
  ): Promise<Alert> {
    return answerWrite(context, ALERT_WRITE, (writes, origin) =>
      writes.link(parseObjectId(alertId, "alertId"), parseObjectId(caseId, "caseId"), origin),
    );
  }

  @Mutation(() => Alert, { description: "Detaches an alert from its case (caseId becomes null)" })
  unlinkAlert(
    @Args(() => AlertIdArguments) { alertId }: AlertIdArguments,
    @Ctx() context: GatewayContext,
  ): Promise<Alert> {
    return answerWrite(context, ALERT_WRITE, (writes, origin) =>
      writes.unlink(parseObjectId(alertId, "alertId"), origin),
    );
  }
}
