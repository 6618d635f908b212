import { Min, ValidateNested } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";
import { CaseFilter } from "../inputs/case-filter.input";
import { CaseOrder } from "../inputs/case-order.input";
import { MaxPageSize } from "./max-page-size.decorator";
import { VALIDATION_MESSAGES } from "./validation-messages";

/** Arguments of `Query.cases`. */
@ArgsType()
export class CasesArguments {
  @Field(() => CaseFilter, { nullable: true })
  @ValidateNested()
  filter?: CaseFilter;

  @Field(() => CaseOrder, { nullable: true, description: "Defaults to newest first (CREATED_AT DESC)" })
  orderBy?: CaseOrder;

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
