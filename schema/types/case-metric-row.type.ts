import type { ObjectId } from "mongodb";
import { Field, ObjectType } from "type-graphql";
import { CaseStatus } from "../enums/case-status.enum";
import { Priority } from "../enums/priority.enum";
import { Severity } from "../enums/severity.enum";
import { CaseMetricValues } from "./case-metric-values.type";
import { metricRowType } from "./metric-row.type-factory";

/** One row of caseMetrics: a bucket and a dimension combination (or `other`). */
@ObjectType("CaseMetricRow", {
  description: "Cases of one bucket and dimension combination; `cases` lists them (drill-down)",
})
export class CaseMetricRow extends metricRowType(CaseMetricValues, {
  bucketLabel: "2026-11-30, 2026-W48, 2026-11, 2026-Q4 …",
}) {
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
}
