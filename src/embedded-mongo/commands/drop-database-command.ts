import type { CommandContext } from "./command-context";
import { changeStreamHubOf } from "../change-streams/attach-change-streams";

/** dropDatabase: removes every collection of the database. */
export function dropDatabaseCommand(ctx: CommandContext): Record<string, unknown> {
  const db = ctx.engine.databases.get(ctx.dbName);
  if (db) {
    for (const coll of db.collections.values()) ctx.engine.cursors.killNamespace(coll.ns);
    ctx.engine.databases.delete(ctx.dbName);
    changeStreamHubOf(ctx.engine)?.noteDropDatabase(ctx.dbName, [...db.collections.keys()]);
  }
  return { dropped: ctx.dbName, ok: 1 };
}
