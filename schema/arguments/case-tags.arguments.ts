import { IsMongoId } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { IsTagList } from "../../src/validation/decorators";
import { INPUT_RULES } from "../validation/input-rules";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";

/** Arguments of `Mutation.addCaseTags` and `Mutation.removeCaseTags`. */
@ArgsType()
export class CaseTagsArguments {
  @Field(() => ID)
  @IsMongoId({ message: VALIDATION_MESSAGES.objectId })
  id!: string;

  @Field(() => [String], { description: INPUT_RULES.tags })
  @IsTagList()
  tags!: string[];
}
