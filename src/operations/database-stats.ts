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

export interface DatabaseStats {
  database: string;
  collections: CollectionStats[];
  totals: { collections: number; objects: number; dataSize: number; storageSize: number; indexSize: number };
  /** Where a figure could not be had, and why (e.g. no $indexStats on this server). */
  notes: string[];
}

/**
 * Per collection: document count and sizes (`$collStats` storageStats, or the collStats
 * command where the stage is not available), and each index's size and usage
 * (`$indexStats`: accesses.ops since the server started or the index was built). The
 * figures come from the server's counters, so they change with activity.
 */
export async function databaseStats(db: Db): Promise<DatabaseStats> {
  const notes = new Set<string>();
  const listed = (await db.listCollections({}, { nameOnly: false }).toArray())
    .filter((info) => !info.name.startsWith("system."))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const collections: CollectionStats[] = [];
  for (const info of listed) {
    const type = String(info.type ?? "collection");
    if (type === "view") {
      collections.push({
        name: info.name,
        type,
        count: 0,
        size: 0,
        storageSize: 0,
        avgObjSize: 0,
        totalIndexSize: 0,
        indexes: [],
      });
      continue;
    }
    collections.push(await collectionStats(db, info.name, notes, type));
  }
  const dbStats = await db.command({ dbStats: 1 });
  return {
    database: db.databaseName,
    collections,
    totals: {
      collections: collections.length,
      objects: Number(dbStats.objects ?? 0),
      dataSize: Number(dbStats.dataSize ?? 0),
      storageSize: Number(dbStats.storageSize ?? 0),
      indexSize: Number(dbStats.indexSize ?? 0),
    },
    notes: [...notes],
  };
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
