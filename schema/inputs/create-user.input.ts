import { IsEnum } from "class-validator";
import { Field, InputType } from "type-graphql";
import { IsEmailAddress, IsPlainDocument, TrimmedLength } from "../../src/validation/decorators";
import { NAME_MAX_LENGTH } from "../../src/validation/write-limits";
import { UserRole } from "../enums/user-role.enum";
import { JSONObjectScalar } from "../scalars/json-object.scalar";
import { INPUT_RULES } from "../validation/input-rules";
import type { NewUserRecord } from "../../src/domain/new-user.record";

/** A new user: Mutation.createUser. */
@InputType("CreateUserInput", { description: "A new user" })
export class CreateUserInput implements NewUserRecord {
  @Field(() => String, { description: INPUT_RULES.email })
  @IsEmailAddress()
  email!: string;

  @Field(() => String, { description: INPUT_RULES.name })
  @TrimmedLength(1, NAME_MAX_LENGTH)
  name!: string;

  @Field(() => UserRole, { nullable: true, description: "Default: VIEWER, the least privileged role" })
  @IsEnum(UserRole)
  role: UserRole = UserRole.VIEWER;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description: `${INPUT_RULES.document("Settings")}; default {}`,
  })
  @IsPlainDocument()
  settings?: Record<string, unknown> | null;
}
