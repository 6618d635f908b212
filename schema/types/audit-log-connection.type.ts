import { Field, Int, ObjectType } from "type-graphql";
import { AuditLogEdge } from "./audit-log-edge.type";
import { PageInfo } from "./page-info.type";

/** A page of audit entries (Relay connection). */
@ObjectType("AuditLogConnection", { description: "A page of audit entries, newest first" })
export class AuditLogConnection {
  @Field(() => [AuditLogEdge])
  edges!: AuditLogEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Counting is a query of its own, so it runs only when a client selects totalCount. */
  countTotal!: () => Promise<number>;

  @Field(() => Int, { description: "Number of entries matching the filter, across all pages" })
  totalCount(): Promise<number> {
    return this.countTotal();
  }
}
