import type { Document } from "mongodb";
import { Field, ObjectType } from "type-graphql";
import { Severity } from "../enums/severity.enum";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { AlertMetricValues } from "./alert-metric-values.type";

/** One row of alertMetrics: a bucket and a dimension combination (or `other`). */
@ObjectType("AlertMetricRow", {
  description: "Alerts of one bucket and dimension combination; `alerts` lists them (drill-down)",
})
export class AlertMetricRow extends AlertMetricValues {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Start of the bucket; null without timeBucket",
  })
  bucket!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "2026-11-30T14:00, 2026-11-30, 2026-W48, 2026-11, 2026-Q4 or 2026, in the query's time zone",
  })
  bucketLabel!: string | null;

  @Field(() => String, { nullable: true, description: "Null when not grouped by TYPE (or an `other` row)" })
  type!: string | null;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => Severity, { nullable: true })
  severity!: Severity | null;

  @Field(() => Boolean, { nullable: true })
  resolved!: boolean | null;

  @Field(() => Boolean, { description: "The rest beyond `top`, folded into one row per bucket" })
  other!: boolean;

  @Field(() => AlertMetricValues, {
    nullable: true,
    description: "The same measures for the matching bucket of the comparison period; null without compareTo",
  })
  previous!: AlertMetricValues | null;

  /** The documents behind the row, for `alerts`. */
  drillDown!: Document;
}
