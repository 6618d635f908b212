import { type Db, type Document, ObjectId } from "mongodb";
import { expect } from "vitest";
import type { GraphQLResult } from "../../helpers/test-gateway";

/** The document of `collection` with this id (a hex string or an ObjectId), read with the driver. */
export function storedDocument(db: Db, collection: string, id: ObjectId | string): Promise<Document | null> {
  return db
    .collection(collection)
    .findOne({ _id: typeof id === "string" ? ObjectId.createFromHexString(id) : id });
}

/**
 * What a create mutation stored: the id it answered under `data[mutation].id`, and the document of
 * `collection` with that id. Fails the test if the mutation answered errors.
 */
export async function createdDocument(
  db: Db,
  result: GraphQLResult,
  mutation: string,
  collection: string,
): Promise<{ id: string; stored: Document | null }> {
  expect(result.errors).toBeUndefined();
  const id = result.data[mutation].id as string;
  return { id, stored: await storedDocument(db, collection, id) };
}
