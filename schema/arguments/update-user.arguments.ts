import { IsMongoId, ValidateNested } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { SetsAtLeastOneOf } from "../../src/validation/decorators";
import { UPDATE_USER_FIELDS, UpdateUserInput } from "../inputs/update-user.input";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";

/** Arguments of `Mutation.updateUser`. */
@ArgsType()
export class UpdateUserArguments {
  @Field(() => ID)
  @IsMongoId({ message: VALIDATION_MESSAGES.objectId })
  id!: string;

  @Field(() => UpdateUserInput)
  @ValidateNested()
  @SetsAtLeastOneOf(UPDATE_USER_FIELDS)
  input!: UpdateUserInput;
}
