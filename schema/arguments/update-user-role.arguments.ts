import { IsEnum } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { UserRole } from "../enums/user-role.enum";
import { IdField } from "../validation/id-field.decorator";

/** Arguments of `Mutation.updateUserRole`. */
@ArgsType()
export class UpdateUserRoleArguments {
  @IdField() id!: string;

  @Field(() => UserRole)
  @IsEnum(UserRole)
  role!: UserRole;
}
