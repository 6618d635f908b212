import type { Collection, Document, Filter, ObjectId, WithId } from "mongodb";
import type { StoredFields } from "../db/stored-fields";

/** Which documents newestPerGroup reads, and how it groups and orders them. */
export interface NewestPerGroupQuery<TDocument extends Document> {
  match: Filter<TDocument>;
  /** The stored field holding the group's ObjectId (e.g. "case_id"). */
  groupBy: string;
  /** The stored date field that orders a group, newest first; ties by _id, newest first. */
  newestBy: string;
  /** How many documents of each group. */
  first: number;
  /** Only these stored fields (and `_id`) of each document; undefined: whole documents. */
  fields?: StoredFields;
}

/**
 * The newest `first` documents of each group among those `match` selects: one aggregate
 * for a whole batch of groups. `$topN` keeps only `first` documents per group while
 * grouping, so a group of thousands costs no more memory than one of `first`. Keys are
 * the groups' ids (hex); groups without a document are absent.
 */
export async function newestPerGroup<TDocument extends Document, TRecord>(
  collection: Collection<TDocument>,
  { match, groupBy, newestBy, first, fields }: NewestPerGroupQuery<TDocument>,
  map: (document: WithId<TDocument>) => TRecord,
  maxTimeMS: number,
): Promise<Map<string, TRecord[]>> {
  const sortBy = { [newestBy]: -1, _id: -1 };
  // A field missing from a document stays missing in the output document, as in $$ROOT.
  const output = fields
    ? Object.fromEntries(["_id", ...fields].map((field) => [field, `$${field}`]))
    : "$$ROOT";
  const groups = await collection
    .aggregate<{ _id: ObjectId; newest: WithId<TDocument>[] }>(
      [
        { $match: match },
        { $group: { _id: `$${groupBy}`, newest: { $topN: { n: first, sortBy, output } } } },
      ],
      { maxTimeMS },
    )
    .toArray();
  return new Map(groups.map((group) => [group._id.toHexString(), group.newest.map(map)]));
}
