import { IsEnum, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { IsPlainDocument, IsTagList, TrimmedLength } from "../../src/validation/decorators";
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH } from "../../src/validation/write-limits";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";
import { Priority } from "../enums/priority.enum";
import { Severity } from "../enums/severity.enum";
import { JSONObjectScalar } from "../scalars/json-object.scalar";
import { INPUT_RULES } from "../validation/input-rules";
import type { NewCaseRecord } from "../../src/domain/new-case.record";
import { IdField } from "../validation/id-field.decorator";

/** A new case: Mutation.createCase. */
@InputType("CreateCaseInput", { description: "A new case. It starts OPEN, unresolved" })
export class CreateCaseInput implements NewCaseRecord {
  @Field(() => String, { description: INPUT_RULES.title })
  @TrimmedLength(1, TITLE_MAX_LENGTH)
  title!: string;

  @Field(() => String, { nullable: true, description: INPUT_RULES.description })
  @MaxLength(DESCRIPTION_MAX_LENGTH, { message: VALIDATION_MESSAGES.tooLong })
  description: string = "";

  @Field(() => Severity)
  @IsEnum(Severity)
  severity!: Severity;

  @Field(() => Priority, { nullable: true })
  @IsEnum(Priority)
  priority: Priority = Priority.MEDIUM;

  @IdField({ nullable: true, description: "The user to assign; must exist (NOT_FOUND otherwise)" })
  assigneeId?: string;

  @Field(() => [String], { nullable: true, description: INPUT_RULES.tags })
  @IsTagList()
  tags: string[] = [];

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description: `${INPUT_RULES.document("Metadata")}; default {}`,
  })
  @IsPlainDocument()
  metadata?: Record<string, unknown> | null;
}
