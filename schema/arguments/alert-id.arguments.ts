import { IsMongoId } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";

/** Arguments of a mutation on one alert named by id (`Mutation.unlinkAlert`). */
@ArgsType()
export class AlertIdArguments {
  @Field(() => ID)
  @IsMongoId({ message: VALIDATION_MESSAGES.objectId })
  alertId!: string;
}
