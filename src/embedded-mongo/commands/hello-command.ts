import { ObjectId } from "bson";
import { CommandError } from "../errors/command-error";
import { MAX_BSON_SIZE, MAX_MESSAGE_SIZE } from "../wire/op-codes";
import type { CommandContext, CommandReply } from "./command-context";
import { DeferredReply } from "./deferred-reply";
import { isCurrentTopologyVersion, topologyVersionOf } from "./topology-version";

const ELECTION_ID = new ObjectId("7fffffff0000000000000001");

/**
 * hello / isMaster: the primary of single-node replica set rs0, with mongod 7.0's
 * `topologyVersion`, so the driver monitors with awaitable (streaming) hello. An awaitable
 * hello (`topologyVersion` + `maxAwaitTimeMS`) naming this process's current version waits
 * `maxAwaitTimeMS` (the role of a single node never changes) before it answers; one naming
 * another process (the engine restarted) answers at once.
 */
export function helloCommand(ctx: CommandContext): CommandReply {
  const reply = helloReply(ctx);
  const { topologyVersion, maxAwaitTimeMS } = ctx.cmd;
  if (topologyVersion === undefined && maxAwaitTimeMS === undefined) return reply;
  if (topologyVersion === undefined || maxAwaitTimeMS === undefined) {
    throw new CommandError(
      31368,
      topologyVersion === undefined
        ? "A request with 'maxAwaitTimeMS' must include a 'topologyVersion'"
        : "A request with a 'topologyVersion' must include 'maxAwaitTimeMS'",
    );
  }
  if (typeof maxAwaitTimeMS !== "number" || !Number.isFinite(maxAwaitTimeMS) || maxAwaitTimeMS < 0) {
    throw new CommandError(31373, "maxAwaitTimeMS must be a non-negative integer");
  }
  if (!isCurrentTopologyVersion(ctx.engine, topologyVersion) || maxAwaitTimeMS === 0) return reply;
  return new DeferredReply(
    new Promise<CommandReply>((resolve) => {
      // Unref'd: a monitor waiting on a stopped engine must not keep its process alive.
      setTimeout(() => resolve(helloReply(ctx)), maxAwaitTimeMS).unref();
    }),
  );
}

/** True for an awaitable hello: the wire server may stream its answers (OP_MSG exhaust). */
export function isAwaitableHello(cmd: Record<string, unknown>): boolean {
  const name = Object.keys(cmd)[0]?.toLowerCase();
  return (
    (name === "hello" || name === "ismaster") &&
    cmd.topologyVersion !== undefined &&
    cmd.maxAwaitTimeMS !== undefined
  );
}

function helloReply(ctx: CommandContext): Record<string, unknown> {
  const legacy = ctx.name.toLowerCase() === "ismaster";
  return {
    helloOk: true,
    [legacy ? "ismaster" : "isWritablePrimary"]: true,
    topologyVersion: topologyVersionOf(ctx.engine),
    secondary: false,
    setName: "rs0",
    setVersion: 1,
    electionId: ELECTION_ID,
    hosts: [ctx.address],
    primary: ctx.address,
    me: ctx.address,
    maxBsonObjectSize: MAX_BSON_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.connectionId,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  };
}
