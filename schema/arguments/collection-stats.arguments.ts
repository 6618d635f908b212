import { IsIn } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { DATA_MODEL_COLLECTIONS } from "../../src/db/data-model-collections";

/** Arguments of `Query.collectionStats`. */
@ArgsType()
export class CollectionStatsArguments {
  @Field(() => String, { description: 'A collection of the data model, e.g. "cases"' })
  @IsIn(DATA_MODEL_COLLECTIONS, { message: `must be one of ${DATA_MODEL_COLLECTIONS.join(", ")}` })
  name!: string;
}
