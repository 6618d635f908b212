import { Min } from "class-validator";
import { ArgsType, Field, Float } from "type-graphql";

/** Arguments of `Query.currentOperations`. */
@ArgsType()
export class CurrentOperationsArguments {
  @Field(() => Float, {
    nullable: true,
    description: "Only operations running for at least this many seconds",
  })
  @Min(0, { message: "must be at least 0" })
  minSeconds = 0;
}
