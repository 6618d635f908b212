import { ValidateNested } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { CreateAlertInput } from "../inputs/create-alert.input";

/** Arguments of `Mutation.createAlert`. */
@ArgsType()
export class CreateAlertArguments {
  @Field(() => CreateAlertInput)
  @ValidateNested()
  input!: CreateAlertInput;
}
