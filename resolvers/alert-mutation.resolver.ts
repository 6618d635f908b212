import { Authorized, Args, Ctx, Mutation, Resolver } from "type-graphql";
import { AlertIdArguments } from "../schema/arguments/alert-id.arguments";
import { CreateAlertArguments } from "../schema/arguments/create-alert.arguments";
import { LinkAlertArguments } from "../schema/arguments/link-alert.arguments";
import { ResolveAlertArguments } from "../schema/arguments/resolve-alert.arguments";
import { Alert } from "../schema/types/alert.type";
import { RULES } from "../src/auth/auth-checker";
import { type GatewayContext, writeOrigin } from "../src/context";
import type { AlertDocument } from "../src/db/alert.document";
import { toAlert } from "../src/repositories/alert.mapper";
import { forgetAlert } from "../src/loaders/stale-loaders";
import { parseObjectId } from "../src/db/parse-object-id";

/** Writes of alerts; each answers the alert as stored after the write and is audited. */
@Resolver(() => Alert)
export class AlertMutationResolver {
  @Authorized(RULES.RESPONDER)
  @Mutation(() => Alert, {
    description: "Creates an alert, unresolved; with a caseId the case must exist (NOT_FOUND otherwise)",
  })
  async createAlert(
    @Args(() => CreateAlertArguments) { input }: CreateAlertArguments,
    @Ctx() context: GatewayContext,
  ): Promise<Alert> {
    return answer(context, await context.repositories.alertWrites.create(input, writeOrigin(context)));
  }

  @Authorized(RULES.RESPONDER)
  @Mutation(() => Alert, {
    description: "Resolves an open alert; BAD_USER_INPUT when it is resolved already",
  })
  async resolveAlert(
    @Args(() => ResolveAlertArguments) { id, resolution }: ResolveAlertArguments,
    @Ctx() context: GatewayContext,
  ): Promise<Alert> {
    return answer(
      context,
      await context.repositories.alertWrites.resolve(
        parseObjectId(id, "id"),
        resolution,
        writeOrigin(context),
      ),
    );
  }

  @Authorized(RULES.RESPONDER)
  @Mutation(() => Alert, {
    description: "Attaches an alert to a case (moving it from its current case, if any); both must exist",
  })
  async linkAlertToCase(
    @Args(() => LinkAlertArguments) { alertId, caseId }: LinkAlertArguments,
    @Ctx() context: GatewayContext,
  ): Promise<Alert> {
    return answer(
      context,
      await context.repositories.alertWrites.link(
        parseObjectId(alertId, "alertId"),
        parseObjectId(caseId, "caseId"),
        writeOrigin(context),
      ),
    );
  }

  @Authorized(RULES.RESPONDER)
  @Mutation(() => Alert, { description: "Detaches an alert from its case (caseId becomes null)" })
  async unlinkAlert(
    @Args(() => AlertIdArguments) { alertId }: AlertIdArguments,
    @Ctx() context: GatewayContext,
  ): Promise<Alert> {
    return answer(
      context,
      await context.repositories.alertWrites.unlink(parseObjectId(alertId, "alertId"), writeOrigin(context)),
    );
  }
}

/** The alert as written, with the request's loaders told about it. */
function answer(context: GatewayContext, document: AlertDocument): Alert {
  forgetAlert(context.loaders, document);
  return toAlert(document);
}
