import { ArgsType, Field } from "type-graphql";
import { CaseStatus } from "../enums/case-status.enum";
import { PageSizeField } from "../validation/page-size-field.decorator";

/** Arguments of `User.assignedCases`: the user's newest cases. */
@ArgsType()
export class AssignedCasesArguments {
  @Field(() => [CaseStatus], { nullable: true, description: "Only cases in one of these statuses" })
  status?: CaseStatus[];

  @PageSizeField("How many of the newest cases, from 1 to MAX_PAGE_SIZE") first = 20;
}
