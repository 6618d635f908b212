import { Field, ObjectType } from "type-graphql";
import { User } from "./user.type";

/** One user of a User connection with the cursor that points just after it. */
@ObjectType("UserEdge")
export class UserEdge {
  @Field(() => String, { description: "Opaque; pass as `after` to continue after this user" })
  cursor!: string;

  @Field(() => User)
  node!: User;
}
