import { ObjectId } from "bson";
import { MAX_BSON_SIZE, MAX_MESSAGE_SIZE } from "../wire/op-codes";
import type { CommandContext } from "./command-context";

const ELECTION_ID = new ObjectId("7fffffff0000000000000001");

/** hello / isMaster: the primary of single-node replica set rs0. No topologyVersion: no streaming heartbeats. */
export function helloCommand(ctx: CommandContext): Record<string, unknown> {
  const legacy = ctx.name.toLowerCase() === "ismaster";
  const reply: Record<string, unknown> = {
    helloOk: true,
    [legacy ? "ismaster" : "isWritablePrimary"]: true,
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
  return reply;
}
