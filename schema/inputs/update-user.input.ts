import { Field, InputType } from "type-graphql";
import { IsPlainDocument, NotNullWhenGiven, TrimmedLength } from "../../src/validation/decorators";
import { NAME_MAX_LENGTH } from "../../src/validation/write-limits";
import { JSONObjectScalar } from "../scalars/json-object.scalar";
import { INPUT_RULES } from "../validation/input-rules";
import type { UserChangesRecord } from "../../src/domain/user-changes.record";

/** The fields an update may set. */
export const UPDATE_USER_FIELDS = ["name", "settings"] as const;

/** Changes to a user: Mutation.updateUser (the role has a mutation of its own). */
@InputType("UpdateUserInput", {
  description:
    "Changes to a user: at least one field; a field left out keeps its value, and null is refused. " +
    "settings replaces the stored settings as a whole",
})
export class UpdateUserInput implements UserChangesRecord {
  @Field(() => String, { nullable: true, description: INPUT_RULES.name })
  @NotNullWhenGiven()
  @TrimmedLength(1, NAME_MAX_LENGTH)
  name?: string;

  @Field(() => JSONObjectScalar, { nullable: true, description: INPUT_RULES.document("Settings") })
  @NotNullWhenGiven()
  @IsPlainDocument()
  settings?: Record<string, unknown>;
}
