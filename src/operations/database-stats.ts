import type { Db } from "mongodb";
import { type CollectionStats, collectionStats } from "../db/collection-stats";

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
