import { Field, ObjectType } from "type-graphql";
import { JSONObjectScalar } from "../scalars/json-object.scalar";
import type { IndexIdentityRecord } from "../../src/domain/index-identity.record";

/**
 * The fields every index type starts from: which index it is (IndexUsage, UnusedIndex).
 * Abstract: only its subclasses are in the schema.
 */
@ObjectType()
export abstract class IndexIdentity implements IndexIdentityRecord {
  @Field(() => String) name!: string;

  @Field(() => JSONObjectScalar, { description: "The key pattern, e.g. {severity: 1}" })
  key!: Record<string, unknown>;
}
