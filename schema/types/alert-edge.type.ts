import { Field, ObjectType } from "type-graphql";
import { Alert } from "./alert.type";

/** One alert of a Alert connection with the cursor that points just after it. */
@ObjectType("AlertEdge")
export class AlertEdge {
  @Field(() => String, { description: "Opaque; pass as `after` to continue after this alert" })
  cursor!: string;

  @Field(() => Alert)
  node!: Alert;
}
