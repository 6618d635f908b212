import { IsMongoId, ValidateNested } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { SetsAtLeastOneOf } from "../../src/validation/decorators";
import { UPDATE_CASE_FIELDS, UpdateCaseInput } from "../inputs/update-case.input";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";

/** Arguments of `Mutation.updateCase`. */
@ArgsType()
export class UpdateCaseArguments {
  @Field(() => ID)
  @IsMongoId({ message: VALIDATION_MESSAGES.objectId })
  id!: string;

  @Field(() => UpdateCaseInput)
  @ValidateNested()
  @SetsAtLeastOneOf(UPDATE_CASE_FIELDS)
  input!: UpdateCaseInput;
}
