import { IsMongoId } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { TrimmedLength } from "../../src/validation/decorators";
import { RESOLUTION_MAX_LENGTH } from "../../src/validation/write-limits";
import { INPUT_RULES } from "../validation/input-rules";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";

/** Arguments of `Mutation.resolveAlert`. */
@ArgsType()
export class ResolveAlertArguments {
  @Field(() => ID)
  @IsMongoId({ message: VALIDATION_MESSAGES.objectId })
  id!: string;

  @Field(() => String, { description: `${INPUT_RULES.resolution}; stored trimmed` })
  @TrimmedLength(1, RESOLUTION_MAX_LENGTH)
  resolution!: string;
}
