import { Field, ID, ObjectType } from "type-graphql";
import { Case } from "./case.type";

/** What Mutation.deleteCase answers. */
@ObjectType("DeleteCasePayload", { description: "A deleted case" })
export class DeleteCasePayload {
  @Field(() => ID, { description: "The id the case had" }) deletedCaseId!: string;

  @Field(() => Case, {
    description:
      "The case as it was when it was deleted. Its relations resolve against the data as it is now: " +
      "alerts and alertCount are empty, since the case's alerts were unlinked",
  })
  case!: Case;

  @Field(() => [ID], { description: "The alerts that pointed to the case; their caseId is now null" })
  unlinkedAlertIds!: string[];
}
