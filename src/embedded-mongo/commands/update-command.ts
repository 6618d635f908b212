import { CommandError } from "../errors/command-error";
import { assertWriteBatchSize } from "../storage/document-limits";
import { Deadline } from "../query/deadline";
import { isPlainObject } from "../bson/is-plain-object";
import { newOpStats } from "../query/op-stats";
import { runUpdate } from "../query/run-update";
import { boolArg, collectionArg, docArg } from "./args";
import type { CommandContext } from "./command-context";
import { isCommandLevel } from "./is-command-level";
import { writeErrorOf } from "./write-error-of";
import { scopeArg } from "./scope-arg";

/** update: each statement counts once in opcounters.update, as in mongod. */
export function updateCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  const updates = ctx.cmd.updates;
  if (!Array.isArray(updates))
    throw new CommandError(14, "BSON field 'update.updates' is missing or not an array");
  assertWriteBatchSize(updates);
  const ordered = boolArg(ctx.cmd.ordered, true);
  const deadline = new Deadline(ctx.cmd.maxTimeMS);
  const db = ctx.engine.db(ctx.dbName);
  const writeErrors: Record<string, unknown>[] = [];
  const upserted: Record<string, unknown>[] = [];
  let n = 0;
  let nModified = 0;
  for (let i = 0; i < updates.length; i++) {
    ctx.engine.stats.opcounters.update++;
    const st = updates[i];
    try {
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
    } catch (err) {
      if (isCommandLevel(err)) throw err;
      writeErrors.push(writeErrorOf(i, err));
      if (ordered) break;
    }
  }
  const reply: Record<string, unknown> = { n, nModified };
  if (upserted.length > 0) reply.upserted = upserted;
  if (writeErrors.length > 0) reply.writeErrors = writeErrors;
  reply.ok = 1;
  return reply;
}
