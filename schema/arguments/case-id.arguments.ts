import { IsMongoId } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";

/** Arguments of a mutation on one case named by id (`Mutation.deleteCase`). */
@ArgsType()
export class CaseIdArguments {
  @Field(() => ID)
  @IsMongoId({ message: VALIDATION_MESSAGES.objectId })
  id!: string;
}
