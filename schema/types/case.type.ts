import type { ObjectId } from "mongodb";
import { Field, Int, ObjectType } from "type-graphql";
import { CaseStatus } from "../enums/case-status.enum";
import { Priority } from "../enums/priority.enum";
import { Severity } from "../enums/severity.enum";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { JSONObjectScalar } from "../scalars/json-object.scalar";
import { StoredEntity } from "./stored-entity.type";
import type { CaseRecord } from "../../src/domain/case.record";

/**
 * An incident under investigation. Built from a `cases` document by toCase
 * (src/repositories/case.mapper.ts); relations (assignee, alerts) are field
 * resolvers in resolvers/case.resolver.ts that go through per-request loaders.
 */
@ObjectType("Case", { description: "An incident under investigation" })
export class Case extends StoredEntity implements CaseRecord {
  @Field(() => String) title!: string;

  @Field(() => String) description!: string;

  @Field(() => Severity) severity!: Severity;

  @Field(() => CaseStatus) status!: CaseStatus;

  @Field(() => Priority) priority!: Priority;

  @Field(() => DateTimeScalar) createdAt!: Date;

  @Field(() => DateTimeScalar) updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true }) resolvedAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: "Whole seconds from creation to resolution; null while unresolved",
  })
  resolutionTimeSeconds!: number | null;

  @Field(() => [String]) tags!: string[];

  @Field(() => JSONObjectScalar) metadata!: Record<string, unknown>;

  /** The stored `assignee` reference; the `assignee` field resolves it. */
  assigneeId!: ObjectId | null;
}
