import { collectionArg } from "./args";
import type { CommandContext } from "./command-context";
import { estimateDataSize } from "./estimate-data-size";
import { estimateIndexSize } from "./estimate-index-size";

/** collStats: counts and (estimated) sizes of a collection; zeros when it does not exist. */
export function collStatsCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  const coll = ctx.engine.db(ctx.dbName).get(name);
  const ns = `${ctx.dbName}.${name}`;
  if (!coll) {
    return {
      ns,
      size: 0,
      count: 0,
      storageSize: 0,
      totalIndexSize: 0,
      totalSize: 0,
      indexSizes: {},
      nindexes: 0,
      ok: 1,
    };
  }
  const size = estimateDataSize(coll);
  const indexSizes: Record<string, number> = {};
  let totalIndexSize = 0;
  for (const index of coll.indexes.values()) {
    indexSizes[index.name] = estimateIndexSize(index);
    totalIndexSize += indexSizes[index.name];
  }
  return {
    ns,
    size,
    count: coll.size,
    avgObjSize: coll.size > 0 ? Math.round(size / coll.size) : 0,
    storageSize: size,
    capped: false,
    nindexes: coll.indexes.size,
    indexSizes,
    totalIndexSize,
    totalSize: size + totalIndexSize,
    scaleFactor: 1,
    ok: 1,
  };
}
