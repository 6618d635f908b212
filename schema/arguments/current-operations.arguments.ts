import { ArgsType, Float } from "type-graphql";
import { ThresholdField } from "../validation/threshold-field.decorator";

/** Arguments of `Query.currentOperations`. */
@ArgsType()
export class CurrentOperationsArguments {
  @ThresholdField(Float, "Only operations running for at least this many seconds") minSeconds = 0;
}
