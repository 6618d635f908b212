import { RESHAPING_STAGES } from "../aggregation/reshaping-stages";
import { isPlainObject } from "../bson/is-plain-object";
import type { CommandContext } from "../commands/command-context";
import { CommandError } from "../errors/command-error";
import type { Doc } from "../storage/doc";
import { changeStreamHubOf } from "./attach-change-streams";
import { positionBefore, type ChangePosition } from "./change-position";
import { ChangeStreamCursor, historyLost } from "./change-stream-cursor";
import { changeStreamCursors } from "./change-stream-cursors";
import type { ChangeStreamScope } from "./change-stream-options";
import { changeStreamReply } from "./change-stream-reply";
import { parseChangeStreamStage } from "./parse-change-stream-stage";

const DEFAULT_FIRST_BATCH = 101;
/** Stages mongod allows after $changeStream. */
const ALLOWED_STAGES = new Set(["$match", ...RESHAPING_STAGES, "$redact"]);

/** True when an aggregate's pipeline opens a change stream. */
export function isChangeStreamPipeline(pipeline: unknown): boolean {
  return Array.isArray(pipeline) && isPlainObject(pipeline[0]) && "$changeStream" in pipeline[0];
}

/** aggregate with a leading $changeStream: opens the stream and returns its first batch. */
export function openChangeStream(ctx: CommandContext): Record<string, unknown> {
  if (ctx.cmd.autocommit === false) {
    throw new CommandError(263, "Operation not permitted in transaction :: caused by :: $changeStream");
  }
  const hub = changeStreamHubOf(ctx.engine);
  if (!hub || hub.isClosed) {
    throw new CommandError(40573, "The $changeStream stage is only supported on replica sets");
  }
  const pipeline = ctx.cmd.pipeline as Record<string, unknown>[];
  const stage = parseChangeStreamStage(pipeline[0].$changeStream);
  const rest = pipeline.slice(1);
  for (const s of rest) {
    const name = isPlainObject(s) && Object.keys(s).length === 1 ? Object.keys(s)[0] : "";
    if (name === "$changeStream") {
      throw new CommandError(40602, "$changeStream is only valid as the first stage in a pipeline");
    }
    if (!ALLOWED_STAGES.has(name)) {
      throw new CommandError(
        20,
        `${name || "an invalid stage"} is not permitted in a $changeStream pipeline`,
      );
    }
  }
  const scope = scopeOf(ctx, stage.allChangesForCluster);
  const history = hub.history;
  let start: ChangePosition = history.newest;
  const token = stage.resumeAfter ?? stage.startAfter;
  if (token) {
    // A token of another history (an engine restarted without its data) names nothing here.
    if (token.epoch !== history.epoch) throw historyLost();
    start = token.pos;
  } else if (stage.startAtOperationTime) {
    start = positionBefore(stage.startAtOperationTime.t, stage.startAtOperationTime.i);
  }
  if (history.lost(start)) throw historyLost();
  const stream = new ChangeStreamCursor(hub, scope, stage, rest, start, stage.resumeAfter !== undefined);
  const cursorOpt = isPlainObject(ctx.cmd.cursor) ? ctx.cmd.cursor : {};
  const batchSize =
    typeof cursorOpt.batchSize === "number" && cursorOpt.batchSize >= 0
      ? cursorOpt.batchSize
      : DEFAULT_FIRST_BATCH;
  const batch = stream.takeBatch(batchSize);
  const ns = scope.kind === "collection" ? `${scope.db}.${scope.coll}` : `${ctx.dbName}.$cmd.aggregate`;
  const cursor = ctx.engine.cursors.register(ns, streamSource(stream), true);
  changeStreamCursors.set(cursor, stream);
  if (batch.invalidated) ctx.engine.cursors.kill([cursor.id]);
  return changeStreamReply("firstBatch", batch, cursor.id, ns, hub);
}

function scopeOf(ctx: CommandContext, allChangesForCluster: boolean): ChangeStreamScope {
  const target = ctx.cmd.aggregate;
  const db = ctx.dbName;
  if (typeof target === "string") {
    if (allChangesForCluster) {
      throw new CommandError(
        73,
        "A $changeStream with 'allChangesForCluster:true' may only be opened on the 'admin' database, and with no collection name",
      );
    }
    if (db === "admin" || db === "config" || db === "local") {
      throw new CommandError(73, `$changeStream may not be opened on the internal ${db} database`);
    }
    if (target.startsWith("system.")) {
      throw new CommandError(
        73,
        `$changeStream may not be opened on the internal ${db}.${target} collection`,
      );
    }
    return { kind: "collection", db, coll: target };
  }
  if (db === "admin") {
    if (!allChangesForCluster) {
      throw new CommandError(73, "$changeStream on the admin database requires allChangesForCluster: true");
    }
    return { kind: "cluster" };
  }
  if (allChangesForCluster) {
    throw new CommandError(
      73,
      "A $changeStream with 'allChangesForCluster:true' may only be opened on the 'admin' database, and with no collection name",
    );
  }
  if (db === "config" || db === "local") {
    throw new CommandError(73, `$changeStream may not be opened on the internal ${db} database`);
  }
  return { kind: "database", db };
}

/** The cursor manager's view of a stream: no documents of its own; closing it closes the stream. */
function streamSource(stream: ChangeStreamCursor): Iterator<Doc> {
  return {
    next: () => ({ done: true, value: undefined }),
    return: () => {
      stream.close();
      return { done: true, value: undefined };
    },
  };
}
