import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";
import { TimeGranularity } from "../enums/time-granularity.enum";
import { Weekday } from "../enums/weekday.enum";

/** Time buckets of a metrics query. */
@InputType("TimeBucketInput", { description: "Buckets of a metrics query, in the calendar of `timezone`" })
export class TimeBucketInput {
  @Field(() => TimeGranularity) granularity!: TimeGranularity;

  @Field(() => String, {
    nullable: true,
    description: 'IANA time zone of the buckets and of relative ranges, e.g. "Europe/Berlin"',
  })
  @MaxLength(64, { message: VALIDATION_MESSAGES.tooLong })
  timezone = "UTC";

  @Field(() => Weekday, {
    nullable: true,
    description:
      "First day of WEEK buckets and of THIS_WEEK/LAST_WEEK; labels are ISO weeks (2026-W48) for MONDAY",
  })
  weekStartsOn: Weekday = Weekday.MONDAY;
}
