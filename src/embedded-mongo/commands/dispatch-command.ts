import { serialize } from "bson";
import { CommandError } from "../errors/command-error";
import { toErrorReply } from "../errors/to-error-reply";
import type { Engine } from "../storage/engine";
import type { IncomingMessage } from "../wire/incoming-message";
import { commandTable } from "./command-table";
import { failCommandPointOf } from "../failpoints/fail-command-point";
import { trackOperation } from "../profiler/operations";
import { runCommand } from "../sessions/run-command";
import { DeferredReply } from "./deferred-reply";

/** Commands with their own opcounter, or (heartbeats) none, instead of opcounters.command. */
const NOT_COUNTED_AS_COMMAND = new Set([
  "insert",
  "update",
  "delete",
  "find",
  "getMore",
  "hello",
  "isMaster",
  "ismaster",
]);

export interface ConnectionInfo {
  id: number;
  address: string;
}

/**
 * Runs one request and returns the serialized reply document (errors in MongoDB's shape), or a
 * promise of it when the command waits (a change stream's getMore).
 */
export function dispatchCommand(
  engine: Engine,
  msg: IncomingMessage,
  conn: ConnectionInfo,
): Uint8Array | Promise<Uint8Array> {
  const cmd = msg.command;
  const name = Object.keys(cmd)[0] ?? "";
  if (!NOT_COUNTED_AS_COMMAND.has(name)) engine.stats.opcounters.command++;
  let reply: Record<string, unknown> | Buffer;
  try {
    const handler = Object.prototype.hasOwnProperty.call(commandTable, name) ? commandTable[name] : undefined;
    if (!handler) throw new CommandError(59, `no such command: '${name}'`);
    const injected = failCommandPointOf(engine).consume(name);
    if (injected) throw injected;
    const dbName = typeof cmd.$db === "string" ? cmd.$db : (msg.collectionName ?? "admin.$cmd").split(".")[0];
    // Sessions route the command into their transaction's view; a data directory journals it.
    reply = trackOperation(engine, { name, cmd, dbName, connectionId: conn.id, client: conn.address }, () =>
      runCommand(engine, name, cmd, (e) =>
        handler({ engine: e, dbName, name, cmd, connectionId: conn.id, address: conn.address }),
      ),
    );
  } catch (err) {
    reply = toErrorReply(err);
  }
  if (reply instanceof DeferredReply) {
    return reply.promise.then(serializeReply, (err: unknown) => serializeReply(toErrorReply(err)));
  }
  return serializeReply(reply);
}

function serializeReply(reply: Record<string, unknown> | Buffer): Uint8Array {
  if (Buffer.isBuffer(reply)) return reply;
  try {
    return serialize(reply);
  } catch (err) {
    return serialize(
      toErrorReply(new CommandError(10334, `reply could not be serialized: ${(err as Error).message}`)),
    );
  }
}
