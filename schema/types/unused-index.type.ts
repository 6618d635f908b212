import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { IndexIdentity } from "./index-identity.type";
import type { UnusedIndexRecord } from "../../src/domain/unused-index.record";

/** An index no operation used since it was counted from. */
@ObjectType("UnusedIndex", { description: "An index of the data model that no operation used since `since`" })
export class UnusedIndex extends IndexIdentity implements UnusedIndexRecord {
  @Field(() => String) collection!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Since when it is unused: the server's start or the index's creation",
  })
  since!: Date | null;
}
