import { IsEnum, IsMongoId } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { UserRole } from "../enums/user-role.enum";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";

/** Arguments of `Mutation.updateUserRole`. */
@ArgsType()
export class UpdateUserRoleArguments {
  @Field(() => ID)
  @IsMongoId({ message: VALIDATION_MESSAGES.objectId })
  id!: string;

  @Field(() => UserRole)
  @IsEnum(UserRole)
  role!: UserRole;
}
