import type { Collection, Document, Filter, ObjectId, WithId } from "mongodb";
import { projectionOf, type StoredFields } from "../db/stored-fields";
import type { RepositoryOptions } from "./repository-options";

/**
 * The records with these ids that exist, in no particular order: one `find _id $in`,
 * returning only `fields` (and `_id`) when given, the whole documents otherwise.
 */
export async function findByIds<TDocument extends Document, TRecord>(
  collection: Collection<TDocument>,
  { maxTimeMS }: RepositoryOptions,
  ids: readonly ObjectId[],
  map: (document: WithId<TDocument>) => TRecord,
  fields?: StoredFields,
): Promise<TRecord[]> {
  const projection = projectionOf(fields);
  const documents = await collection
    .find({ _id: { $in: [...ids] } } as Filter<TDocument>, {
      maxTimeMS,
      ...(projection ? { projection } : {}),
    })
    .toArray();
  return documents.map((document) => map(document as WithId<TDocument>));
}
