import { Field, Float, Int, ObjectType } from "type-graphql";

/** The measures of alerts in one row (or of its comparison row). Computed only when selected. */
@ObjectType("AlertMetricValues", { description: "Alert measures of one row" })
export class AlertMetricValues {
  @Field(() => Int) count!: number;

  @Field(() => Int) resolvedCount!: number;

  @Field(() => Int) unresolvedCount!: number;

  @Field(() => Float, { nullable: true, description: "resolvedCount / count; null when count is 0" })
  resolvedRatio!: number | null;
}
