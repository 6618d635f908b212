import type { Collection, Document, Filter, WithId } from "mongodb";
import { projectionOf, type StoredFields } from "../db/stored-fields";
import type { KeysetOrdering } from "./keyset-ordering";
import { findKeysetPage } from "./keyset-pager";
import type { Page } from "./page";
import type { RepositoryOptions } from "./repository-options";
import { toPage } from "./to-page";

/** What a list reads: the documents `filter` matches, in `ordering`. */
export interface ListQuery<TDocument extends Document> {
  filter: Filter<TDocument>;
  ordering: KeysetOrdering;
  /** Rank orderings only: the values the filter allows (see KeysetPageRequest). */
  rankValues?: readonly string[] | null;
}

/**
 * One connection page of a list: at most `first` records after the cursor `after`, read by
 * keyset paging (keyset-pager.ts); `countTotal` counts the filter's documents only when asked.
 * With `fields`, the documents carry only those stored fields (and what paging needs).
 */
export async function findPage<TDocument extends Document, TRecord>(
  collection: Collection<TDocument>,
  { maxTimeMS }: RepositoryOptions,
  query: ListQuery<TDocument>,
  { first, after }: { first: number; after?: string | null },
  map: (document: WithId<TDocument>) => TRecord,
  fields?: StoredFields,
): Promise<Page<TRecord>> {
  // The ordering's field too: the cursors are made of it.
  const projection = projectionOf(fields, query.ordering.field);
  const page = await findKeysetPage({ collection, ...query, first, after, maxTimeMS, projection });
  return toPage(page, map, () => collection.countDocuments(query.filter, { maxTimeMS }));
}
