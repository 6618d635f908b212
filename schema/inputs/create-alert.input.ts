import { IsEnum, IsMongoId, MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { TrimmedLength } from "../../src/validation/decorators";
import { ALERT_LABEL_MAX_LENGTH, ALERT_MESSAGE_MAX_LENGTH } from "../../src/validation/write-limits";
import { VALIDATION_MESSAGES } from "../validation/validation-messages";
import { Severity } from "../enums/severity.enum";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { INPUT_RULES } from "../validation/input-rules";
import type { NewAlertRecord } from "../../src/domain/new-alert.record";

/** A new alert: Mutation.createAlert. */
@InputType("CreateAlertInput", { description: "A new alert. It starts unresolved" })
export class CreateAlertInput implements NewAlertRecord {
  @Field(() => String, { description: `Kind of signal, e.g. "cpu"; ${INPUT_RULES.alertLabel}` })
  @TrimmedLength(1, ALERT_LABEL_MAX_LENGTH)
  type!: string;

  @Field(() => String, { description: `Monitoring system, e.g. "prometheus"; ${INPUT_RULES.alertLabel}` })
  @TrimmedLength(1, ALERT_LABEL_MAX_LENGTH)
  source!: string;

  @Field(() => Severity)
  @IsEnum(Severity)
  severity!: Severity;

  @Field(() => String, { nullable: true, description: INPUT_RULES.alertMessage })
  @MaxLength(ALERT_MESSAGE_MAX_LENGTH, { message: VALIDATION_MESSAGES.tooLong })
  message: string = "";

  @Field(() => DateTimeScalar, { nullable: true, description: "When the signal fired; default: now" })
  timestamp?: Date;

  @Field(() => ID, {
    nullable: true,
    description: "The case to attach the alert to; must exist (NOT_FOUND otherwise)",
  })
  @IsMongoId({ message: VALIDATION_MESSAGES.objectId })
  caseId?: string;
}
