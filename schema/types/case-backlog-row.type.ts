import type { ObjectId } from "mongodb";
import { Field, Int, ObjectType } from "type-graphql";
import { CaseStatus } from "../enums/case-status.enum";
import { Priority } from "../enums/priority.enum";
import { Severity } from "../enums/severity.enum";
import { DateTimeScalar } from "../scalars/date-time.scalar";

/** The backlog of one bucket and dimension combination. */
@ObjectType("CaseBacklogRow", {
  description: "Open, opened and resolved cases of one bucket and combination",
})
export class CaseBacklogRow {
  @Field(() => DateTimeScalar, { description: "Start of the bucket" })
  bucket!: Date;

  @Field(() => String)
  bucketLabel!: string;

  @Field(() => CaseStatus, { nullable: true })
  status!: CaseStatus | null;

  @Field(() => Severity, { nullable: true })
  severity!: Severity | null;

  @Field(() => Priority, { nullable: true })
  priority!: Priority | null;

  /** Grouped by ASSIGNEE: the user id (null: unassigned); resolved by `assignee`. */
  assigneeId!: ObjectId | null;

  @Field(() => String, { nullable: true })
  tag!: string | null;

  @Field(() => Int, { description: "Cases created before the bucket's end and not resolved by then" })
  open!: number;

  @Field(() => Int, { description: "Cases created during the bucket" })
  opened!: number;

  @Field(() => Int, { description: "Cases resolved during the bucket" })
  resolved!: number;
}
