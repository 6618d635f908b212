import { ValidateNested } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { CreateCaseInput } from "../inputs/create-case.input";

/** Arguments of `Mutation.createCase`. */
@ArgsType()
export class CreateCaseArguments {
  @Field(() => CreateCaseInput)
  @ValidateNested()
  input!: CreateCaseInput;
}
