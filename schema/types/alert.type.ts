import type { ObjectId } from "mongodb";
import { Field, ObjectType } from "type-graphql";
import { Severity } from "../enums/severity.enum";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { StoredEntity } from "./stored-entity.type";
import type { AlertRecord } from "../../src/domain/alert.record";

/**
 * A signal from a monitoring source, possibly attached to a case. Built by toAlert
 * (src/repositories/alert.mapper.ts); `case` is a field resolver.
 */
@ObjectType("Alert", { description: "A signal from a monitoring source, possibly attached to a case" })
export class Alert extends StoredEntity implements AlertRecord {
  @Field(() => String) type!: string;

  @Field(() => String) source!: string;

  @Field(() => Severity) severity!: Severity;

  @Field(() => String) message!: string;

  @Field(() => DateTimeScalar) timestamp!: Date;

  @Field(() => Boolean) resolved!: boolean;

  @Field(() => String, { nullable: true }) resolution!: string | null;

  /** The stored `case_id` reference; the `case` field resolves it. */
  caseId!: ObjectId | null;
}
