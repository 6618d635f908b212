import { IsMongoId } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";

/** Arguments of `Mutation.linkAlertToCase`. */
@ArgsType()
export class LinkAlertArguments {
  @Field(() => ID)
  @IsMongoId({ message: VALIDATION_MESSAGES.objectId })
  alertId!: string;

  @Field(() => ID, { description: "The case; must exist (NOT_FOUND otherwise)" })
  @IsMongoId({ message: VALIDATION_MESSAGES.objectId })
  caseId!: string;
}
