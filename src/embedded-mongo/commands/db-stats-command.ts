import type { CommandContext } from "./command-context";
import { estimateDataSize } from "./estimate-data-size";
import { estimateIndexSize } from "./estimate-index-size";

/** dbStats: counts and (estimated) sizes of a database. */
export function dbStatsCommand(ctx: CommandContext): Record<string, unknown> {
  const db = ctx.engine.databases.get(ctx.dbName);
  let objects = 0;
  let dataSize = 0;
  let indexes = 0;
  let indexSize = 0;
  for (const coll of db ? db.collections.values() : []) {
    objects += coll.size;
    dataSize += estimateDataSize(coll);
    indexes += coll.indexes.size;
    for (const index of coll.indexes.values()) indexSize += estimateIndexSize(index);
  }
  return {
    db: ctx.dbName,
    collections: db ? db.collections.size : 0,
    views: 0,
    objects,
    avgObjSize: objects > 0 ? dataSize / objects : 0,
    dataSize,
    storageSize: dataSize,
    indexes,
    indexSize,
    totalSize: dataSize + indexSize,
    scaleFactor: 1,
    fsUsedSize: 0,
    fsTotalSize: 0,
    ok: 1,
  };
}
