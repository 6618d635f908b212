import { Field, Float, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { IndexIdentity } from "./index-identity.type";
import type { IndexUsageRecord } from "../../src/domain/index-usage.record";

/** How often one index was used ($indexStats accesses). */
@ObjectType("IndexUsage", { description: "How often one index was used since `since` ($indexStats)" })
export class IndexUsage extends IndexIdentity implements IndexUsageRecord {
  @Field(() => Float, {
    nullable: true,
    description: "Operations that used the index (accesses.ops); null where the server does not report it",
  })
  ops!: number | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Since when ops are counted: the server's start or the index's creation",
  })
  since!: Date | null;
}
