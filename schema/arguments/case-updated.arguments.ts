import { ArgsType } from "type-graphql";
import { IdField } from "../validation/id-field.decorator";

/** Arguments of `Subscription.caseUpdated`. */
@ArgsType()
export class CaseUpdatedArguments {
  @IdField() id!: string;
}
