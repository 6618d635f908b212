import { ArgsType, Field } from "type-graphql";
import { IsTagList } from "../../src/validation/decorators";
import { INPUT_RULES } from "../validation/input-rules";
import { IdField } from "../validation/id-field.decorator";

/** Arguments of `Mutation.addCaseTags` and `Mutation.removeCaseTags`. */
@ArgsType()
export class CaseTagsArguments {
  @IdField() id!: string;

  @Field(() => [String], { description: INPUT_RULES.tags })
  @IsTagList()
  tags!: string[];
}
