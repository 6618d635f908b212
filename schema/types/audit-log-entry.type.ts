import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { JSONObjectScalar } from "../scalars/json-object.scalar";
import type { AuditLogEntryRecord } from "../../src/domain/audit-log-entry.record";

/**
 * One entry of the audit trail: what a mutation changed. Built by toAuditLogEntry
 * (src/repositories/audit-log.mapper.ts) from an `audit_logs` document.
 */
@ObjectType("AuditLogEntry", { description: "What one mutation changed, by whom, in which request" })
export class AuditLogEntry implements AuditLogEntryRecord {
  @Field(() => ID) id!: string;

  @Field(() => DateTimeScalar, { description: "When the change was written" }) createdAt!: Date;

  @Field(() => String, {
    description:
      'Who made the change: a user or API key id once access control exists; "anonymous" until then',
  })
  actor!: string;

  @Field(() => String, {
    description: 'What was done, e.g. "case.create", "case.status.change", "alert.link"',
  })
  action!: string;

  @Field(() => String, {
    description: 'The collection of the changed document: "cases", "alerts" or "users"',
  })
  collection!: string;

  @Field(() => ID, { description: "The id of the changed case, alert or user" }) targetId!: string;

  @Field(() => JSONObjectScalar, {
    description:
      "Every field the change altered, by its stored (snake_case) name: {field: {before, after}}; " +
      "null stands for an absent field or document; ids as hex strings, dates as ISO-8601. " +
      "created_at and updated_at are not listed",
  })
  changes!: Record<string, unknown>;

  @Field(() => String, {
    description: "The x-request-id header of the request that made the change, else the gateway's request id",
  })
  requestId!: string;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description: "Context beyond the fields: the note of a status change, the alerts a deleted case released",
  })
  details!: Record<string, unknown> | null;
}
