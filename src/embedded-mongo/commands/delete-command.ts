import { CommandError } from "../errors/command-error";
import { assertWriteBatchSize } from "../storage/document-limits";
import { Deadline } from "../query/deadline";
import { isPlainObject } from "../bson/is-plain-object";
import { newOpStats } from "../query/op-stats";
import { runDelete } from "../query/run-delete";
import { boolArg, collectionArg, docArg, intArg } from "./args";
import type { CommandContext } from "./command-context";
import { isCommandLevel } from "./is-command-level";
import { writeErrorOf } from "./write-error-of";
import { scopeArg } from "./scope-arg";

/** delete: `limit: 1` removes the first match, `limit: 0` all of them; one opcounter per statement. */
export function deleteCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  const deletes = ctx.cmd.deletes;
  if (!Array.isArray(deletes))
    throw new CommandError(14, "BSON field 'delete.deletes' is missing or not an array");
  assertWriteBatchSize(deletes);
  const ordered = boolArg(ctx.cmd.ordered, true);
  const deadline = new Deadline(ctx.cmd.maxTimeMS);
  const coll = ctx.engine.db(ctx.dbName).get(name);
  const writeErrors: Record<string, unknown>[] = [];
  let n = 0;
  for (let i = 0; i < deletes.length; i++) {
    ctx.engine.stats.opcounters.delete++;
    const st = deletes[i];
    try {
      if (!isPlainObject(st)) throw new CommandError(14, "delete statement must be an object");
      const scope = scopeArg(ctx.cmd.let, st.collation, coll);
      const limit = intArg(st.limit, "limit", 0);
      if (limit !== 0 && limit !== 1)
        throw new CommandError(9, "The limit field in delete objects must be 0 or 1");
      const stats = newOpStats();
      ctx.engine.lastOp = stats;
      n += runDelete(coll, docArg(st.q, "q"), limit === 1, deadline, stats, st.hint, [], scope).length;
    } catch (err) {
      if (isCommandLevel(err)) throw err;
      writeErrors.push(writeErrorOf(i, err));
      if (ordered) break;
    }
  }
  const reply: Record<string, unknown> = { n };
  if (writeErrors.length > 0) reply.writeErrors = writeErrors;
  reply.ok = 1;
  return reply;
}
