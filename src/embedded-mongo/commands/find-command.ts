import { Deadline } from "../query/deadline";
import { findDocuments } from "../query/find-documents";
import { guardDecimals } from "../query/guard-decimals";
import { newOpStats } from "../query/op-stats";
import { projectDocuments } from "../query/project-documents";
import { toSortSpec } from "../query/sort-spec";
import { projectTextScores } from "../text-search/project-text-scores";
import type { Doc } from "../storage/doc";
import { boolArg, collectionArg, docArg, intArg, nonNegativeIntArg } from "./args";
import type { CommandContext } from "./command-context";
import { scopeArg } from "./scope-arg";

/** find: plans the query, then hands the lazy result to a cursor (first batch in the reply). */
export function findCommand(ctx: CommandContext): Buffer {
  ctx.engine.stats.opcounters.query++;
  const name = collectionArg(ctx);
  const cmd = ctx.cmd;
  const coll = ctx.engine.db(ctx.dbName).get(name);
  const scope = scopeArg(cmd.let, cmd.collation, coll);
  const filter = docArg(cmd.filter, "filter");
  const sortDoc = docArg(cmd.sort, "sort");
  const projection = cmd.projection === undefined ? undefined : docArg(cmd.projection, "projection");
  let limit = intArg(cmd.limit, "limit", 0);
  let singleBatch = boolArg(cmd.singleBatch, false);
  if (limit < 0) {
    limit = -limit;
    singleBatch = true;
  }
  const skip = nonNegativeIntArg(cmd.skip, "skip", 0);
  const batchSize =
    cmd.batchSize === undefined ? undefined : nonNegativeIntArg(cmd.batchSize, "batchSize", 101);
  guardDecimals(coll, filter, sortDoc);
  const stats = newOpStats();
  ctx.engine.lastOp = stats;
  const found = findDocuments(
    coll,
    {
      filter,
      sort: toSortSpec(sortDoc),
      skip,
      limit,
      hint: cmd.hint,
      deadline: new Deadline(cmd.maxTimeMS),
      scope,
    },
    stats,
  );
  const docs = found.scores
    ? projectTextScores(found.rows, found.scores, projection, filter)
    : projectDocuments(docsOf(found.rows), projection, filter);
  return ctx.engine.cursors.open(`${ctx.dbName}.${name}`, docs, {
    batchSize,
    singleBatch,
    noCursorTimeout: boolArg(cmd.noCursorTimeout, false),
  });
}

function* docsOf(rows: Iterator<[number, Doc]>): Generator<Doc> {
  for (let r = rows.next(); !r.done; r = rows.next()) yield r.value[1];
}
