import type { ObjectId } from "mongodb";
import { Field, ID, ObjectType } from "type-graphql";
import type { StoredEntityRecord } from "../../src/domain/stored-entity.record";

/**
 * The identity every type of a stored document starts from (Case, Alert, User): `id` in the
 * API, and the _id itself for loaders. Abstract: only its subclasses are in the schema.
 */
@ObjectType()
export abstract class StoredEntity implements StoredEntityRecord {
  @Field(() => ID) id!: string;

  objectId!: ObjectId;
}
