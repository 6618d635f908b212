import type { ObjectId } from "mongodb";
import { type ClassType, Field, ObjectType } from "type-graphql";
import { CaseStatus } from "../enums/case-status.enum";
import { Priority } from "../enums/priority.enum";
import { Severity } from "../enums/severity.enum";

/**
 * The dimension fields caseMetrics and caseBacklog rows share (status, severity, priority,
 * assigneeId, tag; null where a row is not grouped by them), added to `base`.
 */
export function caseDimensionsType<TBase extends object>(
  base: abstract new () => TBase,
  naming: { tag?: string },
) {
  @ObjectType()
  abstract class CaseDimensions extends (base as unknown as ClassType<object>) {
    @Field(() => CaseStatus, { nullable: true }) status!: CaseStatus | null;

    @Field(() => Severity, { nullable: true }) severity!: Severity | null;

    @Field(() => Priority, { nullable: true }) priority!: Priority | null;

    /** Grouped by ASSIGNEE: the user id (null: unassigned); resolved by `assignee`. */
    assigneeId!: ObjectId | null;

    @Field(() => String, { nullable: true, description: naming.tag }) tag!: string | null;
  }

  return CaseDimensions as unknown as abstract new () => CaseDimensions & TBase;
}
