import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { JSONObjectScalar } from "../scalars/json-object.scalar";
import type { UnusedIndexRecord } from "../../src/domain/unused-index.record";

/** An index no operation used since it was counted from. */
@ObjectType("UnusedIndex", { description: "An index of the data model that no operation used since `since`" })
export class UnusedIndex implements UnusedIndexRecord {
  @Field(() => String) collection!: string;

  @Field(() => String) name!: string;

  @Field(() => JSONObjectScalar, { description: "The key pattern, e.g. {severity: 1}" })
  key!: Record<string, unknown>;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Since when it is unused: the server's start or the index's creation",
  })
  since!: Date | null;
}
