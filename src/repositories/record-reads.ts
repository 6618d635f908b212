import type { Collection, Document, ObjectId, WithId } from "mongodb";
import type { StoredFields } from "../db/stored-fields";
import { findByIds } from "./find-by-ids";
import { findPage, type ListQuery } from "./find-page";
import type { Page } from "./page";
import type { RepositoryOptions } from "./repository-options";

/**
 * The reads the record collections (cases, alerts, users) share: records by id and keyset
 * pages, each returning only the stored fields asked for (`fields`; none: whole documents).
 */
export abstract class RecordReads<TDocument extends Document, TRecord> {
  /** The one mapping of a stored document to its record (the collection's *.mapper.ts). */
  protected abstract readonly toRecord: (document: WithId<TDocument>) => TRecord;

  constructor(
    protected readonly collection: Collection<TDocument>,
    protected readonly options: RepositoryOptions,
  ) {}

  /** The records with these ids that exist, in no particular order. */
  findByIds(ids: readonly ObjectId[], fields?: StoredFields): Promise<TRecord[]> {
    return findByIds(this.collection, this.options, ids, this.toRecord, fields);
  }

  /** One connection page of `query` (find-page.ts). */
  protected findPage(
    query: ListQuery<TDocument>,
    args: { first: number; after?: string | null },
    fields: StoredFields,
  ): Promise<Page<TRecord>> {
    return findPage(this.collection, this.options, query, args, this.toRecord, fields);
  }
}
