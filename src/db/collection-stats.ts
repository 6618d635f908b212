import type { Db, Document } from "mongodb";

export interface IndexStats {
  name: string;
  /** The index's key pattern, e.g. {severity: 1}. */
  key: Document;
  /** Bytes, where the server reports it. */
  size: number | null;
  /** accesses.ops of $indexStats: uses since `since`; null where $indexStats is not available. */
  ops: number | null;
  since: Date | null;
}

export interface CollectionStats {
  name: string;
  type: string;
  count: number;
  /** Uncompressed size of the documents (bytes). */
  size: number;
  /** Allocated on disk (bytes). */
  storageSize: number;
  avgObjSize: number;
  totalIndexSize: number;
  indexes: IndexStats[];
}

/** Options of the per-collection figures: maxTimeMS of each operation, none unless set. */
export interface StatsOptions {
  maxTimeMS?: number;
}

/**
 * Count, sizes and per-index size and usage of one collection (not a view): what
 * databaseStats lists for each. Problems are added to `notes`.
 */
export async function collectionStats(
  db: Db,
  name: string,
  notes: Set<string>,
  type = "collection",
  options: StatsOptions = {},
): Promise<CollectionStats> {
  const storage = await storageStats(db, name, notes, options);
  const usage = await indexUsage(db, name, notes, options);
  const indexSizes = (storage.indexSizes as Record<string, number> | undefined) ?? {};
  const listed = await db
    .collection(name)
    .listIndexes({ maxTimeMS: options.maxTimeMS })
    .toArray()
    .catch((error: unknown) => {
      // A collection that does not exist (yet) has no indexes.
      if ((error as { codeName?: string }).codeName === "NamespaceNotFound") return [];
      throw error;
    });
  return {
    name,
    type,
    count: Number(storage.count ?? 0),
    size: Number(storage.size ?? 0),
    storageSize: Number(storage.storageSize ?? 0),
    avgObjSize: Number(storage.avgObjSize ?? 0),
    totalIndexSize: Number(storage.totalIndexSize ?? 0),
    indexes: listed.map((index) => {
      const indexName = String(index.name);
      return {
        name: indexName,
        key: (index.key as Document | undefined) ?? {},
        size: indexSizes[indexName] === undefined ? null : Number(indexSizes[indexName]),
        ops: usage?.get(indexName)?.ops ?? (usage ? 0 : null),
        since: usage?.get(indexName)?.since ?? null,
      };
    }),
  };
}

async function storageStats(
  db: Db,
  name: string,
  notes: Set<string>,
  { maxTimeMS }: StatsOptions,
): Promise<Document> {
  try {
    const [stats] = await db
      .collection(name)
      .aggregate([{ $collStats: { storageStats: {} } }], { maxTimeMS })
      .toArray();
    if (stats?.storageStats) return stats.storageStats as Document;
  } catch (error) {
    notes.add(
      `$collStats is not available (${(error as Error).message}); sizes come from the collStats command`,
    );
  }
  try {
    return await db.command(maxTimeMS === undefined ? { collStats: name } : { collStats: name, maxTimeMS });
  } catch (error) {
    notes.add(`collStats failed (${(error as Error).message}); only counts are shown`);
    return { count: await db.collection(name).estimatedDocumentCount({ maxTimeMS }) };
  }
}

/**
 * accesses of each index of the collection (`$indexStats`), by index name; null where
 * the stage is not available (noted in `notes`).
 */
export async function indexUsage(
  db: Db,
  name: string,
  notes: Set<string>,
  { maxTimeMS }: StatsOptions = {},
): Promise<Map<string, { ops: number; since: Date | null }> | null> {
  try {
    const rows = await db
      .collection(name)
      .aggregate([{ $indexStats: {} }], { maxTimeMS })
      .toArray();
    return new Map(
      rows.map((row) => [
        String(row.name),
        {
          ops: Number(row.accesses?.ops ?? 0),
          since: row.accesses?.since instanceof Date ? row.accesses.since : null,
        },
      ]),
    );
  } catch (error) {
    notes.add(`index usage is not available: $indexStats failed (${(error as Error).message})`);
    return null;
  }
}
