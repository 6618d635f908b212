import { Query } from "mingo/query";
import { retagFrom } from "../bson/retag-from";
import { CommandError } from "../errors/command-error";
import { Deadline } from "../query/deadline";
import { queryOptions } from "../query/mingo-options";
import { newOpStats } from "../query/op-stats";
import { runDelete } from "../query/run-delete";
import { runUpdate } from "../query/run-update";
import { toSortSpec } from "../query/sort-spec";
import type { Doc } from "../storage/doc";
import { boolArg, collectionArg, docArg } from "./args";
import type { CommandContext } from "./command-context";
import { scopeArg } from "./scope-arg";

/** findAndModify: update or remove the first match (in sort order), returning it before or after. */
export function findAndModifyCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  const cmd = ctx.cmd;
  const query = docArg(cmd.query, "query");
  const sort = toSortSpec(docArg(cmd.sort, "sort"));
  const fields = cmd.fields === undefined ? undefined : docArg(cmd.fields, "fields");
  const remove = boolArg(cmd.remove, false);
  const returnNew = boolArg(cmd.new, false);
  const upsert = boolArg(cmd.upsert, false);
  const deadline = new Deadline(cmd.maxTimeMS);
  const stats = newOpStats();
  ctx.engine.lastOp = stats;
  const db = ctx.engine.db(ctx.dbName);
  const scope = scopeArg(cmd.let, cmd.collation, db.get(name));
  if (remove) {
    if (cmd.update !== undefined) throw new CommandError(9, "Cannot specify both an update and remove=true");
    if (upsert) throw new CommandError(9, "Cannot specify both upsert=true and remove=true");
    const [removed] = runDelete(db.get(name), query, true, deadline, stats, cmd.hint, sort, scope);
    return {
      lastErrorObject: { n: removed ? 1 : 0 },
      value: removed ? project(removed, fields, query) : null,
      ok: 1,
    };
  }
  if (cmd.update === undefined)
    throw new CommandError(9, "Either an update or remove=true must be specified");
  const r = runUpdate(
    db,
    name,
    {
      filter: query,
      update: cmd.update,
      multi: false,
      upsert,
      arrayFilters: Array.isArray(cmd.arrayFilters)
        ? (cmd.arrayFilters as Record<string, unknown>[])
        : undefined,
      hint: cmd.hint,
      sort,
      scope,
      bypassDocumentValidation: cmd.bypassDocumentValidation,
    },
    deadline,
    stats,
  );
  const lastErrorObject: Record<string, unknown> = {
    n: r.matched > 0 || r.upsertedId !== undefined ? 1 : 0,
    updatedExisting: r.matched > 0,
  };
  if (r.upsertedId !== undefined) lastErrorObject.upserted = r.upsertedId;
  const doc = returnNew ? r.after : r.before;
  return { lastErrorObject, value: doc ? project(doc, fields, query) : null, ok: 1 };
}

function project(
  doc: Doc,
  fields: Record<string, unknown> | undefined,
  filter: Record<string, unknown>,
): Doc {
  if (!fields || Object.keys(fields).length === 0) return doc;
  const positional = Object.keys(fields).some((k) => k.endsWith(".$"));
  const [out] = new Query(positional ? filter : {}, queryOptions).find<Doc>([doc], fields).all();
  retagFrom(doc, out);
  return out;
}
