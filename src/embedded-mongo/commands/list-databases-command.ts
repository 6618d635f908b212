import { Query } from "mingo/query";
import { queryOptions } from "../query/mingo-options";
import { docArg } from "./args";
import type { CommandContext } from "./command-context";
import { estimateDataSize } from "./estimate-data-size";

/** listDatabases: databases that hold at least one collection. */
export function listDatabasesCommand(ctx: CommandContext): Record<string, unknown> {
  const filter = docArg(ctx.cmd.filter, "filter");
  const query = new Query(filter, queryOptions);
  const databases: Record<string, unknown>[] = [];
  let totalSize = 0;
  for (const db of ctx.engine.databases.values()) {
    if (db.collections.size === 0) continue;
    let sizeOnDisk = 0;
    for (const coll of db.collections.values()) sizeOnDisk += estimateDataSize(coll) + 4096;
    const entry = ctx.cmd.nameOnly ? { name: db.name } : { name: db.name, sizeOnDisk, empty: false };
    if (!query.test(entry)) continue;
    totalSize += sizeOnDisk;
    databases.push(entry);
  }
  databases.sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return ctx.cmd.nameOnly
    ? { databases, ok: 1 }
    : { databases, totalSize, totalSizeMb: Math.round(totalSize / 1048576), ok: 1 };
}
