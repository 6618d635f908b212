import { ArrayMaxSize } from "class-validator";
import { Field, InputType } from "type-graphql";
import { CaseStatus } from "../enums/case-status.enum";
import { Priority } from "../enums/priority.enum";
import { Severity } from "../enums/severity.enum";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import type { CaseFilterCriteria } from "../../src/domain/case-filter.criteria";
import { IdField } from "../validation/id-field.decorator";

/**
 * Conditions on cases; a case must meet all that are given. Ranges are half-open
 * (`after` inclusive, `before` exclusive) so that consecutive ranges tile exactly.
 */
@InputType("CaseFilter", {
  description:
    "Conditions a case must all meet. A list matches any of its values (an empty list matches nothing); " +
    "`…After` bounds are inclusive, `…Before` bounds exclusive",
})
export class CaseFilter implements CaseFilterCriteria {
  @Field(() => [CaseStatus], { nullable: true }) status?: CaseStatus[];

  @Field(() => [Severity], { nullable: true }) severity?: Severity[];

  @Field(() => [Priority], { nullable: true }) priority?: Priority[];

  @IdField({ nullable: true, description: "Only cases assigned to this user" }) assigneeId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only cases nobody is assigned to; false: only assigned cases",
  })
  unassigned?: boolean;

  @Field(() => [String], { nullable: true, description: "Cases with at least one of these tags" })
  @ArrayMaxSize(100, { message: VALIDATION_MESSAGES.tooManyItems })
  tagsAny?: string[];

  @Field(() => [String], { nullable: true, description: "Cases with every one of these tags" })
  @ArrayMaxSize(100, { message: VALIDATION_MESSAGES.tooManyItems })
  tagsAll?: string[];

  @Field(() => DateTimeScalar, { nullable: true }) createdAfter?: Date;

  @Field(() => DateTimeScalar, { nullable: true }) createdBefore?: Date;

  @Field(() => DateTimeScalar, { nullable: true }) updatedAfter?: Date;

  @Field(() => DateTimeScalar, { nullable: true }) updatedBefore?: Date;
}
