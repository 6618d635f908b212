import { Field, ID, ObjectType } from "type-graphql";
import { Case } from "./case.type";

/** One event of Subscription.caseUpdated. */
@ObjectType("CaseUpdate", {
  description: "A case after a change; the last event of a subscription has deleted: true and case: null",
})
export class CaseUpdate {
  @Field(() => ID) id!: string;

  @Field(() => Boolean, { description: "The case no longer exists; no more events follow" })
  deleted!: boolean;

  @Field(() => Case, { nullable: true, description: "The case as it is now; null once deleted" })
  case!: Case | null;
}
