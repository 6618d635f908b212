import { Field, ObjectType } from "type-graphql";
import { Case } from "./case.type";

/** One case of a Case connection with the cursor that points just after it. */
@ObjectType("CaseEdge")
export class CaseEdge {
  @Field(() => String, { description: "Opaque; pass as `after` to continue after this case" })
  cursor!: string;

  @Field(() => Case)
  node!: Case;
}
