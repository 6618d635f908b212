import { Authorized, Resolver } from "type-graphql";
import { AlertIdArguments } from "../schema/arguments/alert-id.arguments";
import { CreateAlertArguments } from "../schema/arguments/create-alert.arguments";
import { LinkAlertArguments } from "../schema/arguments/link-alert.arguments";
import { ResolveAlertArguments } from "../schema/arguments/resolve-alert.arguments";
import { Alert } from "../schema/types/alert.type";
import { RULES } from "../src/auth/auth-checker";
import { parseObjectId } from "../src/db/parse-object-id";
import { ALERT_WRITE } from "./answer-write";
import { createMutation, WriteMutations } from "./write-mutations.decorator";

/**
 * Writes of alerts, for RESPONDER and above; each answers the alert as stored after the
 * write and is audited.
 */
@Authorized(RULES.RESPONDER)
@Resolver(() => Alert)
@WriteMutations(ALERT_WRITE, {
  createAlert: createMutation(
    CreateAlertArguments,
    "Creates an alert, unresolved; with a caseId the case must exist (NOT_FOUND otherwise)",
  ),
  resolveAlert: {
    arguments: ResolveAlertArguments,
    description: "Resolves an open alert; BAD_USER_INPUT when it is resolved already",
    write: (writes, { id, resolution }, origin) =>
      writes.resolve(parseObjectId(id, "id"), resolution, origin),
  },
  linkAlertToCase: {
    arguments: LinkAlertArguments,
    description: "Attaches an alert to a case (moving it from its current case, if any); both must exist",
    write: (writes, { alertId, caseId }, origin) =>
      writes.link(parseObjectId(alertId, "alertId"), parseObjectId(caseId, "caseId"), origin),
  },
  unlinkAlert: {
    arguments: AlertIdArguments,
    description: "Detaches an alert from its case (caseId becomes null)",
    write: (writes, { alertId }, origin) => writes.unlink(parseObjectId(alertId, "alertId"), origin),
  },
})
export class AlertMutationResolver {}
