import { ArgsType, Field } from "type-graphql";
import { TrimmedLength } from "../../src/validation/decorators";
import { RESOLUTION_MAX_LENGTH } from "../../src/validation/write-limits";
import { INPUT_RULES } from "../validation/input-rules";
import { IdField } from "../validation/id-field.decorator";

/** Arguments of `Mutation.resolveAlert`. */
@ArgsType()
export class ResolveAlertArguments {
  @IdField() id!: string;

  @Field(() => String, { description: `${INPUT_RULES.resolution}; stored trimmed` })
  @TrimmedLength(1, RESOLUTION_MAX_LENGTH)
  resolution!: string;
}
