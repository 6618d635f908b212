import { ValidateNested } from "class-validator";
import { ArgsType, type ClassType, Field } from "type-graphql";
import { SetsAtLeastOneOf } from "../../src/validation/decorators";
import { IdField } from "../validation/id-field.decorator";

/**
 * The arguments of an update mutation (updateCase, updateUser): the id of what changes and
 * an input that sets at least one of `fields`, as a base class the mutation's own extends.
 */
export function updateArgumentsType<TInput extends object>(
  input: ClassType<TInput>,
  fields: readonly string[],
) {
  @ArgsType()
  class UpdateArguments {
    @IdField() id!: string;

    @Field(() => input)
    @ValidateNested()
    @SetsAtLeastOneOf(fields)
    input!: TInput;
  }
  return UpdateArguments;
}
