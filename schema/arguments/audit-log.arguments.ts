import { IsMongoId, MaxLength } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { ConnectionArguments } from "./connection.arguments";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";
import type { AuditLogListCriteria } from "../../src/domain/audit-log-list.criteria";

/** Arguments of `Query.auditLog`. */
@ArgsType()
export class AuditLogArguments extends ConnectionArguments implements AuditLogListCriteria {
  @Field(() => ID, { nullable: true, description: "Only entries about this case, alert or user" })
  @IsMongoId({ message: VALIDATION_MESSAGES.objectId })
  targetId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only entries of this action, e.g. "case.status.change"',
  })
  @MaxLength(100, { message: VALIDATION_MESSAGES.tooLong })
  action?: string | null;
}
