import { collectionArg, docArg, intArg, nonNegativeIntArg } from "./args";
import type { CommandContext } from "./command-context";
import { findMatching } from "./find-matching";
import { scopeArg } from "./scope-arg";

/** count: with an empty query and no skip/limit the answer is the collection size. */
export function countCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  const coll = ctx.engine.db(ctx.dbName).get(name);
  const scope = scopeArg(undefined, ctx.cmd.collation, coll);
  const query = docArg(ctx.cmd.query, "query");
  const skip = nonNegativeIntArg(ctx.cmd.skip, "skip", 0);
  const limit = Math.abs(intArg(ctx.cmd.limit, "limit", 0));
  if (!coll) return { n: 0, ok: 1 };
  if (Object.keys(query).length === 0 && ctx.cmd.hint === undefined) {
    const n = Math.max(0, coll.size - skip);
    return { n: limit > 0 ? Math.min(n, limit) : n, ok: 1 };
  }
  const found = findMatching(ctx, coll, query, scope, skip, limit);
  let n = 0;
  for (let r = found.rows.next(); !r.done; r = found.rows.next()) n++;
  return { n, ok: 1 };
}
