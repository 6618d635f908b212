import { ArrayMaxSize, ArrayUnique, ValidateNested } from "class-validator";
import { ArgsType, type ClassType, Field } from "type-graphql";
import { Comparison } from "../enums/comparison.enum";
import { TimeBucketInput } from "../inputs/time-bucket.input";
import { TimeRangeInput } from "../inputs/time-range.input";
import { TopInput } from "../inputs/top.input";

/** What sets one metrics query's arguments apart from another's. */
export interface MetricsArgumentsShape<TFilter extends object> {
  /** The registered enum of the dimensions it groups by. */
  dimension: object;
  /** How many dimensions `groupBy` takes at the most. */
  maxDimensions: number;
  /** The filter input. */
  filter: ClassType<TFilter>;
  /** The description of `range`: which instant it applies to. */
  rangeDescription: string;
}

/**
 * The arguments alertMetrics and caseMetrics share (groupBy, timeBucket, range, filter,
 * compareTo, fillGaps, top), as a base class the query's own arguments class extends.
 */
export function metricsArgumentsType<TDimension extends string, TFilter extends object>(
  shape: MetricsArgumentsShape<TFilter>,
) {
  @ArgsType()
  class MetricsArguments {
    @Field(() => [shape.dimension], {
      nullable: true,
      description: "Dimensions, in the order rows sort by them",
    })
    @ArrayMaxSize(shape.maxDimensions)
    @ArrayUnique()
    groupBy: TDimension[] = [];

    @Field(() => TimeBucketInput, {
      nullable: true,
      description: "Without it: one row per combination for the whole range",
    })
    @ValidateNested()
    timeBucket?: TimeBucketInput;

    @Field(() => TimeRangeInput, { nullable: true, description: shape.rangeDescription })
    @ValidateNested()
    range?: TimeRangeInput;

    @Field(() => shape.filter, { nullable: true })
    @ValidateNested()
    filter?: TFilter;

    @Field(() => Comparison, { nullable: true, description: "Fills `previous` of every row" })
    compareTo?: Comparison;

    @Field(() => Boolean, {
      nullable: true,
      description: "Zero rows for every bucket of the range and every dimension combination present",
    })
    fillGaps = true;

    @Field(() => TopInput, { nullable: true })
    @ValidateNested()
    top?: TopInput;
  }

  return MetricsArguments;
}
