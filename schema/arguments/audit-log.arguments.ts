import { IsMongoId, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { MaxPageSize } from "./max-page-size.decorator";
import { VALIDATION_MESSAGES } from "./validation-messages";

/** Arguments of `Query.auditLog`. */
@ArgsType()
export class AuditLogArguments {
  @Field(() => ID, { nullable: true, description: "Only entries about this case, alert or user" })
  @IsMongoId({ message: VALIDATION_MESSAGES.objectId })
  targetId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only entries of this action, e.g. "case.status.change"',
  })
  @MaxLength(100, { message: VALIDATION_MESSAGES.tooLong })
  action?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Page size, from 1 to MAX_PAGE_SIZE (100 unless configured)",
  })
  @Min(1, { message: VALIDATION_MESSAGES.pageSizeMin })
  @MaxPageSize()
  first = 20;

  @Field(() => String, { nullable: true, description: "endCursor of the previous page" })
  after?: string;
}
