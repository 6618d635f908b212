import { Field, ObjectType } from "type-graphql";
import { Severity } from "../enums/severity.enum";
import { AlertMetricValues } from "./alert-metric-values.type";
import { metricRowType } from "./metric-row.type-factory";

/** One row of alertMetrics: a bucket and a dimension combination (or `other`). */
@ObjectType("AlertMetricRow", {
  description: "Alerts of one bucket and dimension combination; `alerts` lists them (drill-down)",
})
export class AlertMetricRow extends metricRowType(AlertMetricValues, {
  bucketLabel: "2026-11-30T14:00, 2026-11-30, 2026-W48, 2026-11, 2026-Q4 or 2026, in the query's time zone",
}) {
  @Field(() => String, { nullable: true, description: "Null when not grouped by TYPE (or an `other` row)" })
  type!: string | null;

  @Field(() => String, { nullable: true }) source!: string | null;

  @Field(() => Severity, { nullable: true }) severity!: Severity | null;

  @Field(() => Boolean, { nullable: true }) resolved!: boolean | null;
}
