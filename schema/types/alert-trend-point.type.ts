import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../scalars/date-time.scalar";

/** Alerts of one type within one time bucket. */
@ObjectType("AlertTrendPoint", { description: "Alerts of one type within one time bucket" })
export class AlertTrendPoint {
  @Field(() => DateTimeScalar, { description: "Start of the bucket" }) bucket!: Date;

  @Field(() => String, { description: "Start of the bucket as a calendar label in the requested time zone" })
  date!: string;

  @Field(() => String) type!: string;

  @Field(() => Int) count!: number;
}
