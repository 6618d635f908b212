import { runPipeline } from "../aggregation/run-pipeline";
import { CommandError } from "../errors/command-error";
import { Deadline } from "../query/deadline";
import { newOpStats } from "../query/op-stats";
import { docArg } from "./args";
import { explainCommand } from "./explain-command";
import type { CommandContext } from "./command-context";
import { assertSimpleCollation } from "./assert-simple-collation";
import { isChangeStreamPipeline, openChangeStream } from "../change-streams/open-change-stream";

/** aggregate: collection-level (`aggregate: "name"`) or database-level (`aggregate: 1`). */
export function aggregateCommand(ctx: CommandContext): Buffer | Record<string, unknown> {
  // {aggregate, pipeline, explain: true} is the legacy spelling of {explain: {aggregate, ...}}.
  if (ctx.cmd.explain === true) {
    const inner: Record<string, unknown> = { ...ctx.cmd };
    delete inner.explain;
    return explainCommand({ ...ctx, name: "explain", cmd: { explain: inner, verbosity: "queryPlanner" } });
  }
  const target = ctx.cmd.aggregate;
  const collName = typeof target === "string" ? target : null;
  if (collName === null && target !== 1) {
    throw new CommandError(73, "aggregate requires a collection name or 1 for a database-level pipeline");
  }
  if (ctx.cmd.cursor === undefined && ctx.cmd.explain !== true) {
    throw new CommandError(
      9,
      "The 'cursor' option is required, except for aggregate with the explain argument",
    );
  }
  assertSimpleCollation(ctx.cmd.collation);
  if (isChangeStreamPipeline(ctx.cmd.pipeline)) return openChangeStream(ctx);
  const cursor = docArg(ctx.cmd.cursor, "cursor");
  const stats = newOpStats();
  ctx.engine.lastOp = stats;
  const docs = runPipeline(ctx.engine, ctx.dbName, collName, ctx.cmd.pipeline, {
    deadline: new Deadline(ctx.cmd.maxTimeMS),
    stats,
    variables: ctx.cmd.let === undefined ? undefined : docArg(ctx.cmd.let, "let"),
    hint: ctx.cmd.hint,
    host: ctx.address,
  });
  const ns = `${ctx.dbName}.${collName ?? "$cmd.aggregate"}`;
  return ctx.engine.cursors.open(ns, docs, {
    batchSize: typeof cursor.batchSize === "number" ? cursor.batchSize : undefined,
  });
}
