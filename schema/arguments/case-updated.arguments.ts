import { IsMongoId } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";

/** Arguments of `Subscription.caseUpdated`. */
@ArgsType()
export class CaseUpdatedArguments {
  @Field(() => ID)
  @IsMongoId({ message: VALIDATION_MESSAGES.objectId })
  id!: string;
}
