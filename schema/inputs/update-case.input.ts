import { IsEnum, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { IsPlainDocument, IsTagList, NotNullWhenGiven, TrimmedLength } from "../../src/validation/decorators";
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH } from "../../src/validation/write-limits";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";
import { Priority } from "../enums/priority.enum";
import { Severity } from "../enums/severity.enum";
import { JSONObjectScalar } from "../scalars/json-object.scalar";
import { INPUT_RULES } from "../validation/input-rules";
import type { CaseChangesRecord } from "../../src/domain/case-changes.record";

/** The fields an update may set. */
export const UPDATE_CASE_FIELDS = [
  "title",
  "description",
  "severity",
  "priority",
  "tags",
  "metadata",
] as const;

/** Changes to a case: Mutation.updateCase. */
@InputType("UpdateCaseInput", {
  description:
    "Changes to a case: at least one field; a field left out keeps its value, and null is refused. " +
    "tags and metadata replace the stored value as a whole",
})
export class UpdateCaseInput implements CaseChangesRecord {
  @Field(() => String, { nullable: true, description: INPUT_RULES.title })
  @NotNullWhenGiven()
  @TrimmedLength(1, TITLE_MAX_LENGTH)
  title?: string;

  @Field(() => String, { nullable: true, description: `${INPUT_RULES.description}; "" clears it` })
  @NotNullWhenGiven()
  @MaxLength(DESCRIPTION_MAX_LENGTH, { message: VALIDATION_MESSAGES.tooLong })
  description?: string;

  @Field(() => Severity, { nullable: true })
  @NotNullWhenGiven()
  @IsEnum(Severity)
  severity?: Severity;

  @Field(() => Priority, { nullable: true })
  @NotNullWhenGiven()
  @IsEnum(Priority)
  priority?: Priority;

  @Field(() => [String], { nullable: true, description: INPUT_RULES.tags })
  @NotNullWhenGiven()
  @IsTagList()
  tags?: string[];

  @Field(() => JSONObjectScalar, { nullable: true, description: INPUT_RULES.document("Metadata") })
  @NotNullWhenGiven()
  @IsPlainDocument()
  metadata?: Record<string, unknown>;
}
