import { CommandError } from "../errors/command-error";
import { validateCollectionName } from "../storage/validate-collection-name";
import { boolArg } from "./args";
import type { CommandContext } from "./command-context";
import { changeStreamHubOf } from "../change-streams/attach-change-streams";

function splitNs(ns: unknown, field: string): [string, string] {
  if (typeof ns !== "string" || !ns.includes("."))
    throw new CommandError(73, `Invalid ${field} namespace: ${String(ns)}`);
  const dot = ns.indexOf(".");
  return [ns.slice(0, dot), ns.slice(dot + 1)];
}

/** renameCollection (run on admin): moves a collection, indexes and all, possibly across databases. */
export function renameCollectionCommand(ctx: CommandContext): Record<string, unknown> {
  const [fromDb, fromName] = splitNs(ctx.cmd.renameCollection, "source");
  const [toDb, toName] = splitNs(ctx.cmd.to, "target");
  validateCollectionName(toName);
  const source = ctx.engine.databases.get(fromDb)?.get(fromName);
  if (!source) throw new CommandError(26, "Source collection does not exist");
  const target = ctx.engine.db(toDb);
  if (target.get(toName)) {
    if (!boolArg(ctx.cmd.dropTarget, false)) throw new CommandError(48, "target namespace exists");
    ctx.engine.cursors.killNamespace(`${toDb}.${toName}`);
    target.drop(toName);
    changeStreamHubOf(ctx.engine)?.noteDrop(toDb, toName);
  }
  ctx.engine.cursors.killNamespace(source.ns);
  ctx.engine.db(fromDb).drop(fromName);
  source.dbName = toDb;
  source.name = toName;
  target.collections.set(toName, source);
  changeStreamHubOf(ctx.engine)?.noteRename({ db: fromDb, coll: fromName }, { db: toDb, coll: toName });
  return { ok: 1 };
}
