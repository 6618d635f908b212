import { Field, ObjectType } from "type-graphql";
import { AuditLogEntry } from "./audit-log-entry.type";

/** One entry of an AuditLog connection with the cursor that points just after it. */
@ObjectType("AuditLogEdge")
export class AuditLogEdge {
  @Field(() => String, { description: "Opaque; pass as `after` to continue after this entry" })
  cursor!: string;

  @Field(() => AuditLogEntry)
  node!: AuditLogEntry;
}
