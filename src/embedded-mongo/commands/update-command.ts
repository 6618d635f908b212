import { CommandError } from "../errors/command-error";
import { Deadline } from "../query/deadline";
import { isPlainObject } from "../bson/is-plain-object";
import { newOpStats } from "../query/op-stats";
import { runUpdate } from "../query/run-update";
import { boolArg, collectionArg, docArg } from "./args";
import type { CommandContext } from "./command-context";
import { runWriteBatch, writeBatchArg } from "./write-batch";
import { scopeArg } from "./scope-arg";

/** update: each statement counts once in opcounters.update, as in mongod. */
export function updateCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  const batch = writeBatchArg(ctx, "updates");
  const deadline = new Deadline(ctx.cmd.maxTimeMS);
  const db = ctx.engine.db(ctx.dbName);
  const upserted: Record<string, unknown>[] = [];
  let n = 0;
  let nModified = 0;
  const writeErrors = runWriteBatch(ctx, batch, "update", (st, i) => {
    if (!isPlainObject(st)) throw new CommandError(14, "update statement must be an object");
    const scope = scopeArg(ctx.cmd.let, st.collation, db.get(name));
    const stats = newOpStats();
    ctx.engine.lastOp = stats;
    const r = runUpdate(
      db,
      name,
      {
        filter: docArg(st.q, "q"),
        update: st.u,
        multi: boolArg(st.multi, false),
        upsert: boolArg(st.upsert, false),
        arrayFilters: Array.isArray(st.arrayFilters)
          ? (st.arrayFilters as Record<string, unknown>[])
          : undefined,
        hint: st.hint,
        scope,
        bypassDocumentValidation: ctx.cmd.bypassDocumentValidation,
      },
      deadline,
      stats,
    );
    n += r.matched;
    nModified += r.modified;
    if (r.upsertedId !== undefined) {
      n++;
      upserted.push({ index: i, _id: r.upsertedId });
    }
  });
  const reply: Record<string, unknown> = { n, nModified };
  if (upserted.length > 0) reply.upserted = upserted;
  if (writeErrors.length > 0) reply.writeErrors = writeErrors;
  reply.ok = 1;
  return reply;
}
