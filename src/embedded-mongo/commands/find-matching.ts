import { Deadline } from "../query/deadline";
import { findDocuments, type FoundDocuments } from "../query/find-documents";
import { guardDecimals } from "../query/guard-decimals";
import { newOpStats } from "../query/op-stats";
import type { QueryScope } from "../query/query-scope";
import type { Collection } from "../storage/collection";
import type { CommandContext } from "./command-context";

/**
 * The documents a counting or distinct command's `query` matches, in no particular order:
 * refuses Decimal128 arithmetic first, records the operation's stats as the engine's last
 * operation, and honours the command's `hint` and `maxTimeMS`.
 */
export function findMatching(
  ctx: CommandContext,
  coll: Collection | undefined,
  query: Record<string, unknown>,
  scope: QueryScope,
  skip = 0,
  limit = 0,
): FoundDocuments {
  guardDecimals(coll, query);
  const stats = newOpStats();
  ctx.engine.lastOp = stats;
  const spec = { filter: query, sort: [], skip, limit, hint: ctx.cmd.hint, scope };
  return findDocuments(coll, { ...spec, deadline: new Deadline(ctx.cmd.maxTimeMS) }, stats);
}
