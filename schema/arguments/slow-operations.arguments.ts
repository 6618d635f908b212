import { ArgsType, Int } from "type-graphql";
import { PageSizeField } from "../validation/page-size-field.decorator";
import { ThresholdField } from "../validation/threshold-field.decorator";

/** Arguments of `Query.slowOperations`. */
@ArgsType()
export class SlowOperationsArguments {
  @ThresholdField(Int, "Only operations that took at least this many milliseconds") minMillis = 100;

  @PageSizeField("How many of the newest, from 1 to MAX_PAGE_SIZE (100 unless configured)") first = 20;
}
