import { CommandError } from "../errors/command-error";
import { Deadline } from "../query/deadline";
import { isPlainObject } from "../bson/is-plain-object";
import { newOpStats } from "../query/op-stats";
import { runDelete } from "../query/run-delete";
import { collectionArg, docArg, intArg } from "./args";
import type { CommandContext } from "./command-context";
import { runWriteBatch, writeBatchArg } from "./write-batch";
import { scopeArg } from "./scope-arg";

/** delete: `limit: 1` removes the first match, `limit: 0` all of them; one opcounter per statement. */
export function deleteCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  const batch = writeBatchArg(ctx, "deletes");
  const deadline = new Deadline(ctx.cmd.maxTimeMS);
  const coll = ctx.engine.db(ctx.dbName).get(name);
  let n = 0;
  const writeErrors = runWriteBatch(ctx, batch, "delete", (st) => {
    if (!isPlainObject(st)) throw new CommandError(14, "delete statement must be an object");
    const scope = scopeArg(ctx.cmd.let, st.collation, coll);
    const limit = intArg(st.limit, "limit", 0);
    if (limit !== 0 && limit !== 1)
      throw new CommandError(9, "The limit field in delete objects must be 0 or 1");
    const stats = newOpStats();
    ctx.engine.lastOp = stats;
    n += runDelete(coll, docArg(st.q, "q"), limit === 1, deadline, stats, st.hint, [], scope).length;
  });
  const reply: Record<string, unknown> = { n };
  if (writeErrors.length > 0) reply.writeErrors = writeErrors;
  reply.ok = 1;
  return reply;
}
