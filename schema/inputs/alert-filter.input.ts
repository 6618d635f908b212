import { ArrayMaxSize } from "class-validator";
import { Field, InputType } from "type-graphql";
import { Severity } from "../enums/severity.enum";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import type { AlertFilterCriteria } from "../../src/domain/alert-filter.criteria";
import { IdField } from "../validation/id-field.decorator";

/** Conditions on alerts; an alert must meet all that are given. */
@InputType("AlertFilter", {
  description:
    "Conditions an alert must all meet. A list matches any of its values (an empty list matches nothing); " +
    "timestampAfter is inclusive, timestampBefore exclusive",
})
export class AlertFilter implements AlertFilterCriteria {
  @Field(() => [String], { nullable: true })
  @ArrayMaxSize(100, { message: VALIDATION_MESSAGES.tooManyItems })
  type?: string[];

  @Field(() => [String], { nullable: true })
  @ArrayMaxSize(100, { message: VALIDATION_MESSAGES.tooManyItems })
  source?: string[];

  @Field(() => [Severity], { nullable: true }) severity?: Severity[];

  @Field(() => Boolean, { nullable: true }) resolved?: boolean;

  @IdField({ nullable: true, description: "Only alerts attached to this case" }) caseId?: string;

  @Field(() => DateTimeScalar, { nullable: true }) timestampAfter?: Date;

  @Field(() => DateTimeScalar, { nullable: true }) timestampBefore?: Date;
}
