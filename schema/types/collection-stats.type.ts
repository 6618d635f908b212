import { Field, Float, ObjectType } from "type-graphql";
import { IndexUsage } from "./index-usage.type";
import type { CollectionStatsRecord } from "../../src/domain/collection-stats.record";

/** Count, sizes and indexes of one collection. */
@ObjectType("CollectionStats", {
  description: "Count, sizes and indexes of one collection of the data model",
})
export class CollectionStats implements CollectionStatsRecord {
  @Field(() => String) name!: string;

  @Field(() => Float, { description: "Number of documents" }) documents!: number;

  @Field(() => Float, { description: "Uncompressed size of the documents, in bytes" }) sizeBytes!: number;

  @Field(() => Float, { description: "Space allocated on disk for the documents, in bytes" })
  storageSizeBytes!: number;

  @Field(() => Float, { description: "Size of all its indexes, in bytes" }) totalIndexSizeBytes!: number;

  @Field(() => [IndexUsage]) indexes!: IndexUsage[];
}
