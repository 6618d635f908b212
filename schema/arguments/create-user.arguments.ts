import { ValidateNested } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { CreateUserInput } from "../inputs/create-user.input";

/** Arguments of `Mutation.createUser`. */
@ArgsType()
export class CreateUserArguments {
  @Field(() => CreateUserInput)
  @ValidateNested()
  input!: CreateUserInput;
}
