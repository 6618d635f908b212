import { ArrayMaxSize, MaxLength } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { TrendGranularity } from "../enums/trend-granularity.enum";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";

/** Arguments of `Query.alertTrends`. */
@ArgsType()
export class AlertTrendsArguments {
  @Field(() => DateTimeScalar, { nullable: true, description: "Start of the range (inclusive)" }) from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "End of the range (exclusive)" }) to?: Date;

  @Field(() => TrendGranularity, { nullable: true }) granularity: TrendGranularity = TrendGranularity.DAY;

  @Field(() => String, {
    nullable: true,
    description: 'IANA time zone the buckets follow, e.g. "Europe/Berlin"',
  })
  @MaxLength(64, { message: VALIDATION_MESSAGES.tooLong })
  timezone = "UTC";

  @Field(() => [String], { nullable: true, description: "Only alerts of these types" })
  @ArrayMaxSize(100, { message: VALIDATION_MESSAGES.tooManyItems })
  types?: string[];

  @Field(() => Boolean, { nullable: true, description: "Emit zero-count points for empty buckets" })
  fillGaps = true;
}
