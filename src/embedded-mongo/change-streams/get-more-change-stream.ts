import type { Long } from "bson";
import type { CommandContext, CommandReply } from "../commands/command-context";
import { DeferredReply } from "../commands/deferred-reply";
import { CommandError } from "../errors/command-error";
import { changeStreamHubOf } from "./attach-change-streams";
import type { ChangeBatch, ChangeStreamCursor } from "./change-stream-cursor";
import { changeStreamCursors } from "./change-stream-cursors";
import { changeStreamReply } from "./change-stream-reply";

/** How long a getMore waits for events when the driver sets no maxAwaitTimeMS (mongod's default). */
export const DEFAULT_AWAIT_MS = 1000;

/**
 * getMore on a change stream's cursor (undefined for any other cursor): the events ready now, or,
 * when there are none, a deferred reply that settles at the first matching event or after
 * maxTimeMS (the driver's maxAwaitTimeMS), whichever comes first. Waiting holds a timer and a
 * listener, never the engine.
 */
export function getMoreChangeStream(
  ctx: CommandContext,
  id: Long,
  ns: string,
  batchSize: number | undefined,
): CommandReply | undefined {
  const cursor = ctx.engine.cursors.get(id);
  const stream = cursor ? changeStreamCursors.get(cursor) : undefined;
  const hub = changeStreamHubOf(ctx.engine);
  if (!cursor || !stream || !hub) return undefined;
  if (cursor.ns !== ns) {
    throw new CommandError(
      13,
      `Requested getMore on namespace '${ns}', but cursor belongs to '${cursor.ns}'`,
    );
  }
  const limit = batchSize === undefined || batchSize <= 0 ? Infinity : batchSize;
  const awaitMs = typeof ctx.cmd.maxTimeMS === "number" ? Math.max(0, ctx.cmd.maxTimeMS) : DEFAULT_AWAIT_MS;
  const reply = (batch: ChangeBatch): CommandReply => {
    cursor.lastUsed = Date.now();
    if (batch.invalidated) ctx.engine.cursors.kill([id]);
    return changeStreamReply("nextBatch", batch, id, ns, hub);
  };
  const take = (): ChangeBatch => {
    try {
      return stream.takeBatch(limit);
    } catch (err) {
      ctx.engine.cursors.kill([id]);
      throw err;
    }
  };
  cursor.lastUsed = Date.now();
  const first = take();
  if (first.events.length > 0 || first.invalidated || awaitMs === 0) return reply(first);
  return new DeferredReply(waitForEvents(stream, hub.onAppend.bind(hub), awaitMs, take, reply));
}

function waitForEvents(
  stream: ChangeStreamCursor,
  onAppend: (listener: () => void) => () => void,
  awaitMs: number,
  take: () => ChangeBatch,
  reply: (batch: ChangeBatch) => CommandReply,
): Promise<CommandReply> {
  return new Promise<CommandReply>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => CommandReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopListening();
      stream.onClose(null);
      try {
        resolve(outcome());
      } catch (err) {
        reject(err);
      }
    };
    const timer = setTimeout(() => finish(() => reply(take())), awaitMs);
    const stopListening = onAppend(() => {
      if (stream.closed) return finish(killed);
      let batch: ChangeBatch;
      try {
        batch = take();
      } catch (err) {
        return finish(() => {
          throw err;
        });
      }
      if (batch.events.length > 0 || batch.invalidated) finish(() => reply(batch));
    });
    stream.onClose(() => finish(killed));
  });
}

function killed(): never {
  throw new CommandError(237, "Cursor killed while a getMore was waiting for events");
}
