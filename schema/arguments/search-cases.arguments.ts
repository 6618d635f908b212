import { Matches, MaxLength, Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";
import { MaxPageSize } from "../validation/max-page-size.decorator";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";

/** Arguments of `Query.searchCases`. */
@ArgsType()
export class SearchCasesArguments {
  @Field(() => String, {
    description: 'Words to look for (MongoDB $text syntax: "a phrase", -excluded); stemmed, case-insensitive',
  })
  @Matches(/\S/, { message: VALIDATION_MESSAGES.notBlank })
  @MaxLength(500, { message: VALIDATION_MESSAGES.tooLong })
  query!: string;

  @Field(() => Int, {
    nullable: true,
    description: "Number of hits, from 1 to MAX_PAGE_SIZE (100 unless configured)",
  })
  @Min(1, { message: VALIDATION_MESSAGES.pageSizeMin })
  @MaxPageSize()
  first = 20;
}
