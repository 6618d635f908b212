import { ArgsType } from "type-graphql";
import { IdField } from "../validation/id-field.decorator";

/** Arguments of a mutation on one case named by id (`Mutation.deleteCase`). */
@ArgsType()
export class CaseIdArguments {
  @IdField() id!: string;
}
