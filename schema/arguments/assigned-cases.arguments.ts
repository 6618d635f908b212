import { Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";
import { CaseStatus } from "../enums/case-status.enum";
import { MaxPageSize } from "../validation/max-page-size.decorator";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";

/** Arguments of `User.assignedCases`: the user's newest cases. */
@ArgsType()
export class AssignedCasesArguments {
  @Field(() => [CaseStatus], { nullable: true, description: "Only cases in one of these statuses" })
  status?: CaseStatus[];

  @Field(() => Int, { nullable: true, description: "How many of the newest cases, from 1 to MAX_PAGE_SIZE" })
  @Min(1, { message: VALIDATION_MESSAGES.pageSizeMin })
  @MaxPageSize()
  first = 20;
}
