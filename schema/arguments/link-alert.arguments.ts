import { ArgsType } from "type-graphql";
import { IdField } from "../validation/id-field.decorator";

/** Arguments of `Mutation.linkAlertToCase`. */
@ArgsType()
export class LinkAlertArguments {
  @IdField() alertId!: string;

  @IdField({ description: "The case; must exist (NOT_FOUND otherwise)" }) caseId!: string;
}
