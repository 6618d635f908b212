import { Field, Int, ObjectType } from "type-graphql";
import { AlertEdge } from "./alert-edge.type";
import { PageInfo } from "./page-info.type";

/** A page of alerts (Relay connection). */
@ObjectType("AlertConnection", { description: "A page of alerts" })
export class AlertConnection {
  @Field(() => [AlertEdge])
  edges!: AlertEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Counting is a query of its own, so it runs only when a client selects totalCount. */
  countTotal!: () => Promise<number>;

  @Field(() => Int, { description: "Number of alerts matching the filter, across all pages" })
  totalCount(): Promise<number> {
    return this.countTotal();
  }
}
