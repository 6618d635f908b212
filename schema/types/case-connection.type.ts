import { Field, Int, ObjectType } from "type-graphql";
import { CaseEdge } from "./case-edge.type";
import { PageInfo } from "./page-info.type";

/** A page of cases (Relay connection). */
@ObjectType("CaseConnection", { description: "A page of cases" })
export class CaseConnection {
  @Field(() => [CaseEdge])
  edges!: CaseEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Counting is a query of its own, so it runs only when a client selects totalCount. */
  countTotal!: () => Promise<number>;

  @Field(() => Int, { description: "Number of cases matching the filter, across all pages" })
  totalCount(): Promise<number> {
    return this.countTotal();
  }
}
