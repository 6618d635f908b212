import { IsMongoId } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";
import { IdField } from "../validation/id-field.decorator";

/** Arguments of `Mutation.assignCase`. */
@ArgsType()
export class AssignCaseArguments {
  @IdField() id!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The user to assign; must exist (NOT_FOUND otherwise). Null or left out: unassign",
  })
  @IsMongoId({ message: VALIDATION_MESSAGES.objectId })
  assigneeId?: string | null;
}
