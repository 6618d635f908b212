import type { Db, Document } from "mongodb";

export interface IndexStats {
  name: string;
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
    const storage = await storageStats(db, info.name, notes);
    const usage = await indexUsage(db, info.name, notes);
    const indexSizes = (storage.indexSizes as Record<string, number> | undefined) ?? {};
    const names = (await db.collection(info.name).listIndexes().toArray()).map((index) => String(index.name));
    collections.push({
      name: info.name,
      type,
      count: Number(storage.count ?? 0),
      size: Number(storage.size ?? 0),
      storageSize: Number(storage.storageSize ?? 0),
      avgObjSize: Number(storage.avgObjSize ?? 0),
      totalIndexSize: Number(storage.totalIndexSize ?? 0),
      indexes: names.map((name) => ({
        name,
        size: indexSizes[name] === undefined ? null : Number(indexSizes[name]),
        ops: usage?.get(name)?.ops ?? (usage ? 0 : null),
        since: usage?.get(name)?.since ?? null,
      })),
    });
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

async function storageStats(db: Db, name: string, notes: Set<string>): Promise<Document> {
  try {
    const [stats] = await db
      .collection(name)
      .aggregate([{ $collStats: { storageStats: {} } }])
      .toArray();
    if (stats?.storageStats) return stats.storageStats as Document;
  } catch (error) {
    notes.add(
      `$collStats is not available (${(error as Error).message}); sizes come from the collStats command`,
    );
  }
  try {
    return await db.command({ collStats: name });
  } catch (error) {
    notes.add(`collStats failed (${(error as Error).message}); only counts are shown`);
    return { count: await db.collection(name).estimatedDocumentCount() };
  }
}

async function indexUsage(
  db: Db,
  name: string,
  notes: Set<string>,
): Promise<Map<string, { ops: number; since: Date | null }> | null> {
  try {
    const rows = await db
      .collection(name)
      .aggregate([{ $indexStats: {} }])
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
