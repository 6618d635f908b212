import { CommandError } from "../errors/command-error";
import { collectionArg } from "./args";
import type { CommandContext } from "./command-context";
import { changeStreamHubOf } from "../change-streams/attach-change-streams";

/** drop: NamespaceNotFound (26) when absent, as mongod 7 reports it. */
export function dropCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  const db = ctx.engine.db(ctx.dbName);
  const coll = db.get(name);
  if (!coll) throw new CommandError(26, "ns not found");
  const nIndexesWas = coll.indexes.size;
  db.drop(name);
  ctx.engine.cursors.killNamespace(coll.ns);
  changeStreamHubOf(ctx.engine)?.noteDrop(ctx.dbName, name);
  return { nIndexesWas, ns: coll.ns, ok: 1 };
}
