import type { Document } from "mongodb";
import { type ClassType, Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../scalars/date-time.scalar";

/**
 * The fields alertMetrics and caseMetrics rows share around their measures: the bucket, its
 * label, `other`, the comparison row and the drill-down filter. An abstract base over the
 * measures type (`values`); the row type adds its dimensions.
 */
export function metricRowType<TValues extends object>(
  values: ClassType<TValues>,
  naming: { bucketLabel: string },
) {
  @ObjectType()
  abstract class MetricRow extends (values as ClassType<object>) {
    @Field(() => DateTimeScalar, {
      nullable: true,
      description: "Start of the bucket; null without timeBucket",
    })
    bucket!: Date | null;

    @Field(() => String, { nullable: true, description: naming.bucketLabel }) bucketLabel!: string | null;

    @Field(() => Boolean, { description: "The rest beyond `top`, folded into one row per bucket" })
    other!: boolean;

    @Field(() => values, {
      nullable: true,
      description:
        "The same measures for the matching bucket of the comparison period; null without compareTo",
    })
    previous!: TValues | null;

    /** The documents behind the row, for the row's drill-down list (`alerts`, `cases`). */
    drillDown!: Document;
  }

  return MetricRow as unknown as abstract new () => MetricRow & TValues;
}
