import { MaxLength } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { ConnectionArguments } from "./connection.arguments";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";
import type { AuditLogListCriteria } from "../../src/domain/audit-log-list.criteria";
import { IdField } from "../validation/id-field.decorator";

/** Arguments of `Query.auditLog`. */
@ArgsType()
export class AuditLogArguments extends ConnectionArguments implements AuditLogListCriteria {
  @IdField({ nullable: true, description: "Only entries about this case, alert or user" })
  targetId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only entries of this action, e.g. "case.status.change"',
  })
  @MaxLength(100, { message: VALIDATION_MESSAGES.tooLong })
  action?: string | null;
}
