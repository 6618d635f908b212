import { Matches, MaxLength } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";
import { PageSizeField } from "../validation/page-size-field.decorator";

/** Arguments of `Query.searchCases`. */
@ArgsType()
export class SearchCasesArguments {
  @Field(() => String, {
    description: 'Words to look for (MongoDB $text syntax: "a phrase", -excluded); stemmed, case-insensitive',
  })
  @Matches(/\S/, { message: VALIDATION_MESSAGES.notBlank })
  @MaxLength(500, { message: VALIDATION_MESSAGES.tooLong })
  query!: string;

  @PageSizeField("Number of hits, from 1 to MAX_PAGE_SIZE (100 unless configured)") first = 20;
}
