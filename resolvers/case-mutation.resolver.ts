import { Authorized, Args, Ctx, Mutation, Resolver } from "type-graphql";
import { AssignCaseArguments } from "../schema/arguments/assign-case.arguments";
import { CaseIdArguments } from "../schema/arguments/case-id.arguments";
import { CaseTagsArguments } from "../schema/arguments/case-tags.arguments";
import { ChangeCaseStatusArguments } from "../schema/arguments/change-case-status.arguments";
import { CreateCaseArguments } from "../schema/arguments/create-case.arguments";
import { UpdateCaseArguments } from "../schema/arguments/update-case.arguments";
import { Case } from "../schema/types/case.type";
import { DeleteCasePayload } from "../schema/types/delete-case-payload.type";
import { RULES } from "../src/auth/auth-checker";
import { type GatewayContext, writeOrigin } from "../src/context";
import { toCase } from "../src/repositories/case.mapper";
import { forgetCase } from "../src/loaders/stale-loaders";
import { parseObjectId } from "../src/db/parse-object-id";
import { CASE_WRITE } from "./answer-write";
import { createMutation, updateMutation, WriteMutations } from "./write-mutations.decorator";

/**
 * Writes of cases, for RESPONDER and above. Each mutation answers the case as stored after
 * the write, is recorded in the audit trail, and runs in a transaction where the deployment
 * has them (src/repositories/case-writes.repository.ts).
 */
@Authorized(RULES.RESPONDER)
@Resolver(() => Case)
@WriteMutations(CASE_WRITE, {
  createCase: createMutation(CreateCaseArguments, "Creates a case; it starts OPEN"),
  updateCase: updateMutation(
    UpdateCaseArguments,
    "Changes fields of a case; NOT_FOUND when there is no such case",
  ),
  changeCaseStatus: {
    arguments: ChangeCaseStatusArguments,
    description:
      "Moves a case along the workflow OPEN → IN_PROGRESS → RESOLVED → CLOSED, or reopens it " +
      "(RESOLVED → IN_PROGRESS). Any other change is BAD_USER_INPUT naming the allowed ones. Entering " +
      "RESOLVED sets resolvedAt, reopening clears it, closing keeps it. Concurrent changes are applied " +
      "one after the other, each judged against the status the previous one left",
    write: (writes, { id, status, note }, origin) =>
      writes.changeStatus(parseObjectId(id, "id"), status, note, origin),
  },
  assignCase: {
    arguments: AssignCaseArguments,
    description: "Assigns a case to a user, or unassigns it (assigneeId null)",
    write: (writes, { id, assigneeId }, origin) =>
      writes.assign(
        parseObjectId(id, "id"),
        assigneeId ? parseObjectId(assigneeId, "assigneeId") : null,
        origin,
      ),
  },
  addCaseTags: {
    arguments: CaseTagsArguments,
    description: "Adds tags the case does not have yet, after its own; a case has at most MAX_TAGS (50) tags",
    write: (writes, { id, tags }, origin) => writes.addTags(parseObjectId(id, "id"), tags, origin),
  },
  removeCaseTags: {
    arguments: CaseTagsArguments,
    description: "Removes tags from a case; tags it does not have are ignored",
    write: (writes, { id, tags }, origin) => writes.removeTags(parseObjectId(id, "id"), tags, origin),
  },
})
export class CaseMutationResolver {
  @Mutation(() => DeleteCasePayload, {
    description:
      "Deletes a case. Its alerts are kept but unlinked: their caseId becomes null (in the same " +
      "transaction where the deployment has them; otherwise the alerts are unlinked first, so that no " +
      "alert ever points to a deleted case)",
  })
  async deleteCase(
    @Args(() => CaseIdArguments) { id }: CaseIdArguments,
    @Ctx() context: GatewayContext,
  ): Promise<DeleteCasePayload> {
    const { deleted, unlinkedAlertIds } = await context.repositories.caseWrites.delete(
      parseObjectId(id, "id"),
      writeOrigin(context),
    );
    forgetCase(context.loaders, deleted._id, null);
    const payload = new DeleteCasePayload();
    payload.deletedCaseId = deleted._id.toHexString();
    payload.case = toCase(deleted);
    payload.unlinkedAlertIds = unlinkedAlertIds.map((alertId) => alertId.toHexString());
    return payload;
  }
}
