import { Field, Float, Int, ObjectType } from "type-graphql";
import { DurationStats } from "./duration-stats.type";

/** The measures of cases in one row (or of its comparison row). Computed only when selected. */
@ObjectType("CaseMetricValues", { description: "Case measures of one row" })
export class CaseMetricValues {
  @Field(() => Int) count!: number;

  @Field(() => Int, { description: "Cases open or in progress" }) openCount!: number;

  @Field(() => Int, { description: "Cases that have resolvedAt" }) resolvedCount!: number;

  @Field(() => DurationStats, { nullable: true, description: "Null when no case of the row has resolvedAt" })
  resolutionTime!: DurationStats | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Share of the resolved cases resolved within their severity's target (SLA_TARGETS); null when none is",
  })
  slaMetRatio!: number | null;
}
