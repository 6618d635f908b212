import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { CaseMetricRow } from "./case-metric-row.type";

/** The answer of caseMetrics. */
@ObjectType("CaseMetrics", { description: "Case measures per bucket and dimension combination" })
export class CaseMetrics {
  @Field(() => [CaseMetricRow], {
    description: "By bucket, then dimensions in groupBy order (by rank where they have one)",
  })
  rows!: CaseMetricRow[];

  @Field(() => DateTimeScalar, { description: "Start of the range (inclusive)" })
  from!: Date;

  @Field(() => DateTimeScalar, { description: "End of the range (exclusive)" })
  to!: Date;

  @Field(() => String, { description: "The canonical IANA name of the query's time zone" })
  timezone!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  comparisonFrom!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  comparisonTo!: Date | null;

  @Field(() => DateTimeScalar, { description: "When the database was read" })
  dataAsOf!: Date;
}
