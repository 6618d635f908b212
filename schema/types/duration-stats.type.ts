import { Field, Float, ObjectType } from "type-graphql";

/** Resolution-time statistics in seconds. */
@ObjectType("DurationStats", {
  description:
    "Seconds from created to resolved over the row's cases that have resolvedAt; percentiles with MongoDB's $percentile (method approximate, MongoDB 7.0+)",
})
export class DurationStats {
  @Field(() => Float) avg!: number;

  @Field(() => Float, { nullable: true }) p50!: number | null;

  @Field(() => Float, { nullable: true }) p90!: number | null;

  @Field(() => Float, { nullable: true }) p95!: number | null;

  @Field(() => Float, { nullable: true }) p99!: number | null;

  @Field(() => Float) min!: number;

  @Field(() => Float) max!: number;
}
