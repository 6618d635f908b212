import type { AlertDocument } from "../db/alert.document";
import type { CaseDocument } from "../db/case.document";
import type { UserDocument } from "../db/user.document";
import type { GatewayLoaders } from "./gateway-loaders";
import { toCase } from "../repositories/case.mapper";
import { toUser } from "../repositories/user.mapper";

/*
 * After a mutation, the request's loaders must not answer from what they cached before
 * it (a later mutation of the same request, or the fields of the mutation's own answer,
 * may read through them). Keys by id are replaced with the new state; loaders keyed by
 * id plus arguments (alerts of a case, cases of an assignee) cannot be cleared per id
 * and are cleared whole — they live for one request only, so that costs little.
 */

/** A case was created, updated (`after` set) or deleted (`after` null). */
export function forgetCase(
  loaders: GatewayLoaders,
  id: CaseDocument["_id"],
  after: CaseDocument | null,
): void {
  loaders.caseById.clear(id).prime(id, after ? toCase(after) : null);
  loaders.casesByAssignee.clearAll();
  loaders.openCaseCountByAssignee.clearAll();
  if (!after) {
    loaders.alertsByCase.clearAll();
    loaders.alertCountByCase.clearAll();
  }
}

/** An alert was created or changed (its case's alerts and alert counts with it). */
export function forgetAlert(loaders: GatewayLoaders, after: AlertDocument): void {
  loaders.alertsByCase.clearAll();
  loaders.alertCountByCase.clearAll();
  // Linking writes to the case (updated_at): its cached copy is stale too.
  if (after.case_id) loaders.caseById.clear(after.case_id);
}

/** A user was created or changed. */
export function forgetUser(loaders: GatewayLoaders, after: UserDocument): void {
  loaders.userById.clear(after._id).prime(after._id, toUser(after));
}
