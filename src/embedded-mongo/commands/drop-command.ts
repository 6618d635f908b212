import { CommandError } from "../errors/command-error";
import { collectionArg } from "./args";
import type { CommandContext } from "./command-context";

/** drop: NamespaceNotFound (26) when absent, as mongod 7 reports it. */
export function dropCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  const db = ctx.engine.db(ctx.dbName);
  const coll = db.get(name);
  if (!coll) throw new CommandError(26, "ns not found");
  const nIndexesWas = coll.indexes.size;
  db.drop(name);
  ctx.engine.cursors.killNamespace(coll.ns);
  return { nIndexesWas, ns: coll.ns, ok: 1 };
}
