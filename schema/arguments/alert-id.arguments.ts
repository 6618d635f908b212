import { ArgsType } from "type-graphql";
import { IdField } from "../validation/id-field.decorator";

/** Arguments of a mutation on one alert named by id (`Mutation.unlinkAlert`). */
@ArgsType()
export class AlertIdArguments {
  @IdField() alertId!: string;
}
