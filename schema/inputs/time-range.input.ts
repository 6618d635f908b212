import { Field, InputType } from "type-graphql";
import { RelativeRange } from "../enums/relative-range.enum";
import { DateTimeScalar } from "../scalars/date-time.scalar";

/** The range of a metrics query: absolute ends or a relative range, not both. */
@InputType("TimeRangeInput", {
  description:
    "[from, to) or a relative range (not both). Without either: the last 7 days. Relative ranges follow the calendar of the query's time zone",
})
export class TimeRangeInput {
  @Field(() => DateTimeScalar, { nullable: true, description: "Inclusive" }) from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "Exclusive" }) to?: Date;

  @Field(() => RelativeRange, { nullable: true }) relative?: RelativeRange;
}
