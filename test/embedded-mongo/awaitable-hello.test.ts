import { connect, type Socket } from "node:net";
import { deserialize, type Document } from "bson";
import { MongoClient, MongoServerError, ObjectId, type ServerHeartbeatSucceededEvent } from "mongodb";
import { describe, expect, it } from "vitest";
import { opMsg } from "./support/raw-wire";
import { startTestEngine } from "./support/start-test-engine";
import { useTestEngine } from "./support/use-test-engine";

const f = useTestEngine("awaitable_hello");

/** OP_MSG flag bits, from the wire protocol's specification. */
const MORE_TO_COME = 1 << 1;
const EXHAUST_ALLOWED = 1 << 16;

interface Frame {
  requestId: number;
  responseTo: number;
  flags: number;
  body: Document;
}

/** Reads OP_MSG frames off a raw socket, independently of the engine's own framing code. */
function frames(socket: Socket): { next(): Promise<Frame> } {
  let buffered = Buffer.alloc(0);
  const ready: Frame[] = [];
  const waiting: Array<(frame: Frame) => void> = [];
  socket.on("data", (data: Buffer) => {
    buffered = Buffer.concat([buffered, data]);
    while (buffered.length >= 4 && buffered.length >= buffered.readInt32LE(0)) {
      const length = buffered.readInt32LE(0);
      const frame: Frame = {
        requestId: buffered.readInt32LE(4),
        responseTo: buffered.readInt32LE(8),
        flags: buffered.readUInt32LE(16),
        body: deserialize(buffered.subarray(21, length)),
      };
      buffered = buffered.subarray(length);
      const waiter = waiting.shift();
      if (waiter) waiter(frame);
      else ready.push(frame);
    }
  });
  return {
    next: () => {
      const frame = ready.shift();
      return frame ? Promise.resolve(frame) : new Promise<Frame>((resolve) => waiting.push(resolve));
    },
  };
}

describe("hello's topologyVersion (mongod 4.4+)", () => {
  it("names the engine process: the same for every hello, new after a restart", async () => {
    const first = await f.t.client.db("admin").command({ hello: 1 });
    const again = await f.t.client.db("admin").command({ hello: 1 });
    expect(first.topologyVersion.processId).toBeInstanceOf(ObjectId);
    expect(again.topologyVersion.processId.equals(first.topologyVersion.processId)).toBe(true);
    expect(Number(first.topologyVersion.counter)).toBe(0);
    const other = await startTestEngine();
    try {
      const restarted = await other.client.db("admin").command({ hello: 1 });
      expect(restarted.topologyVersion.processId.equals(first.topologyVersion.processId)).toBe(false);
    } finally {
      await other.stop();
    }
  });

  it("an awaitable hello naming another process answers at once; naming this one, after maxAwaitTimeMS", async () => {
    const admin = f.t.client.db("admin");
    const { topologyVersion } = await admin.command({ hello: 1 });
    const stale = { processId: new ObjectId(), counter: topologyVersion.counter };
    const atOnce = await admin.command({ hello: 1, topologyVersion: stale, maxAwaitTimeMS: 60_000 });
    expect(atOnce.topologyVersion.processId.equals(topologyVersion.processId)).toBe(true);
    const awaited = await admin.command({ hello: 1, topologyVersion, maxAwaitTimeMS: 50 });
    expect(awaited).toMatchObject({ ok: 1, isWritablePrimary: true, setName: "rs0" });
    expect(awaited.topologyVersion.processId.equals(topologyVersion.processId)).toBe(true);
  });

  it("refuses topologyVersion without maxAwaitTimeMS, and the reverse, as mongod does", async () => {
    const admin = f.t.client.db("admin");
    const { topologyVersion } = await admin.command({ hello: 1 });
    for (const command of [
      { hello: 1, topologyVersion },
      { hello: 1, maxAwaitTimeMS: 10 },
      { hello: 1, topologyVersion, maxAwaitTimeMS: -1 },
    ]) {
      const error = await admin.command(command).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MongoServerError);
      expect([31368, 31373]).toContain((error as MongoServerError).code);
    }
  });

  it("streams answers to an awaitable hello sent with exhaustAllowed (moreToCome, each answering the previous)", async () => {
    const { topologyVersion } = await f.t.client.db("admin").command({ hello: 1 });
    const socket = await new Promise<Socket>((resolve, reject) => {
      const opened = connect(f.t.engine.port, "127.0.0.1", () => resolve(opened));
      opened.once("error", reject);
    });
    try {
      const replies = frames(socket);
      const request = opMsg(
        { hello: 1, topologyVersion, maxAwaitTimeMS: 20, $db: "admin" },
        { requestId: 77 },
      );
      request.writeUInt32LE(EXHAUST_ALLOWED, 16);
      socket.write(request);
      let previous = 77;
      for (let k = 0; k < 3; k++) {
        const frame = await replies.next();
        expect(frame.flags & MORE_TO_COME).toBe(MORE_TO_COME);
        expect(frame.responseTo).toBe(previous);
        expect(frame.body).toMatchObject({ ok: 1, isWritablePrimary: true });
        previous = frame.requestId;
      }
    } finally {
      socket.destroy();
    }
  });

  it("the driver monitors the engine with the streaming protocol", async () => {
    const client = new MongoClient(f.t.engine.uri, { heartbeatFrequencyMS: 500 });
    const awaited = new Promise<ServerHeartbeatSucceededEvent>((resolve) =>
      client.on("serverHeartbeatSucceeded", (event) => {
        if (event.awaited) resolve(event);
      }),
    );
    try {
      await client.connect();
      const event = await awaited;
      expect(event.reply.topologyVersion.processId).toBeInstanceOf(ObjectId);
    } finally {
      await client.close();
    }
  });
});
