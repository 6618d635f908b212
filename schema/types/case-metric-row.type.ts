import type { Document, ObjectId } from "mongodb";
import { Field, ObjectType } from "type-graphql";
import { CaseStatus } from "../enums/case-status.enum";
import { Priority } from "../enums/priority.enum";
import { Severity } from "../enums/severity.enum";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { CaseMetricValues } from "./case-metric-values.type";

/** One row of caseMetrics: a bucket and a dimension combination (or `other`). */
@ObjectType("CaseMetricRow", {
  description: "Cases of one bucket and dimension combination; `cases` lists them (drill-down)",
})
export class CaseMetricRow extends CaseMetricValues {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Start of the bucket; null without timeBucket",
  })
  bucket!: Date | null;

  @Field(() => String, { nullable: true, description: "2026-11-30, 2026-W48, 2026-11, 2026-Q4 …" })
  bucketLabel!: string | null;

  @Field(() => CaseStatus, { nullable: true })
  status!: CaseStatus | null;

  @Field(() => Severity, { nullable: true })
  severity!: Severity | null;

  @Field(() => Priority, { nullable: true })
  priority!: Priority | null;

  /** Grouped by ASSIGNEE: the user id (null: unassigned); resolved by `assignee`. */
  assigneeId!: ObjectId | null;

  @Field(() => String, { nullable: true, description: "Grouped by TAG: the tag" })
  tag!: string | null;

  @Field(() => Boolean, { description: "The rest beyond `top`, folded into one row per bucket" })
  other!: boolean;

  @Field(() => CaseMetricValues, {
    nullable: true,
    description: "The same measures for the matching bucket of the comparison period; null without compareTo",
  })
  previous!: CaseMetricValues | null;

  /** The documents behind the row, for `cases`. */
  drillDown!: Document;
}
