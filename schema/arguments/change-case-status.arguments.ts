import { IsEnum } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { TrimmedLength } from "../../src/validation/decorators";
import { NOTE_MAX_LENGTH } from "../../src/validation/write-limits";
import { CaseStatus } from "../enums/case-status.enum";
import { INPUT_RULES } from "../validation/input-rules";
import { IdField } from "../validation/id-field.decorator";

/** Arguments of `Mutation.changeCaseStatus`. */
@ArgsType()
export class ChangeCaseStatusArguments {
  @IdField() id!: string;

  @Field(() => CaseStatus, { description: "The status to go to; must be allowed from the current one" })
  @IsEnum(CaseStatus)
  status!: CaseStatus;

  @Field(() => String, {
    nullable: true,
    description: `Why; kept in the audit entry (details.note). ${INPUT_RULES.note}`,
  })
  @TrimmedLength(1, NOTE_MAX_LENGTH)
  note?: string | null;
}
