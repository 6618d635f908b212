import { Field, Int, ObjectType } from "type-graphql";
import { UserEdge } from "./user-edge.type";
import { PageInfo } from "./page-info.type";

/** A page of users (Relay connection). */
@ObjectType("UserConnection", { description: "A page of users" })
export class UserConnection {
  @Field(() => [UserEdge])
  edges!: UserEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Counting is a query of its own, so it runs only when a client selects totalCount. */
  countTotal!: () => Promise<number>;

  @Field(() => Int, { description: "Number of users matching the filter, across all pages" })
  totalCount(): Promise<number> {
    return this.countTotal();
  }
}
