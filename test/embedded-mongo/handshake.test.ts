import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { MongoClient, MongoServerError, ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedMongo, type EmbeddedMongo } from "../../src/embedded-mongo";

/** Connects `client`, hands it to `use`, and closes it whatever happens. */
async function connected(client: MongoClient, use: (client: MongoClient) => Promise<void>): Promise<void> {
  await client.connect();
  try {
    await use(client);
  } finally {
    await client.close();
  }
}

describe("handshake and server commands", () => {
  let engine: EmbeddedMongo;
  beforeAll(async () => {
    engine = await startEmbeddedMongo({ port: 0 });
  });
  afterAll(async () => {
    await engine.stop();
  });

  it("advertises a replica-set uri on 127.0.0.1", () => {
    expect(engine.uri).toBe(`mongodb://127.0.0.1:${engine.port}/?replicaSet=rs0`);
  });

  it("connects with ?replicaSet=rs0 as the primary of rs0", async () => {
    await connected(new MongoClient(engine.uri, { serverSelectionTimeoutMS: 5000 }), async (client) => {
      const hello = await client.db("admin").command({ hello: 1 });
      const address = `127.0.0.1:${engine.port}`;
      expect(hello).toMatchObject({
        ok: 1,
        isWritablePrimary: true,
        setName: "rs0",
        hosts: [address],
        primary: address,
        me: address,
        maxBsonObjectSize: 16 * 1024 * 1024,
        maxMessageSizeBytes: 48_000_000,
        maxWriteBatchSize: 100_000,
        minWireVersion: 0,
        maxWireVersion: 21,
        logicalSessionTimeoutMinutes: 30,
      });
      expect(hello.localTime).toBeInstanceOf(Date);
      expect(typeof hello.connectionId).toBe("number");
      // As mongod 4.4+: the driver then monitors with awaitable hello (test: awaitable-hello).
      expect(hello.topologyVersion.processId).toBeInstanceOf(ObjectId);
      expect(Number(hello.topologyVersion.counter)).toBe(0);
      const legacy = await client.db("admin").command({ isMaster: 1 });
      expect(legacy.ismaster).toBe(true);
      // Sessions are on: the driver only creates them when logicalSessionTimeoutMinutes is present.
      const session = client.startSession();
      await client.db("t").collection("c").insertOne({ a: 1 }, { session });
      await session.endSession();
      const topology = client.options.replicaSet;
      expect(topology).toBe("rs0");
    });
  });

  it("connects with directConnection=true", async () => {
    await connected(
      new MongoClient(`mongodb://127.0.0.1:${engine.port}/?directConnection=true`, {
        serverSelectionTimeoutMS: 5000,
      }),
      async (client) => {
        expect(await client.db("admin").command({ ping: 1 })).toMatchObject({ ok: 1 });
      },
    );
  });

  it("reports buildInfo 7.0 and answers getParameter, endSessions and killAllSessions", async () => {
    await connected(new MongoClient(engine.uri), async (client) => {
      const admin = client.db("admin");
      const info = await admin.command({ buildInfo: 1 });
      expect(info.version).toMatch(/^7\.0\./);
      expect(info.versionArray.slice(0, 2)).toEqual([7, 0]);
      const fcv = await admin.command({ getParameter: 1, featureCompatibilityVersion: 1 });
      expect(fcv.featureCompatibilityVersion).toEqual({ version: "7.0" });
      expect(await admin.command({ setParameter: 1, logLevel: 1 })).toMatchObject({ ok: 1 });
      expect(await admin.command({ endSessions: [] })).toMatchObject({ ok: 1 });
      expect(await admin.command({ killAllSessions: [] })).toMatchObject({ ok: 1 });
    });
  });

  it("answers an unknown command with CommandNotFound in MongoDB's error shape", async () => {
    await connected(new MongoClient(engine.uri), async (client) => {
      const err = await client
        .db("admin")
        .command({ noSuchThing: 1 })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MongoServerError);
      const e = err as MongoServerError;
      expect(e.code).toBe(59);
      expect(e.codeName).toBe("CommandNotFound");
      expect(e.errmsg).toContain("noSuchThing");
    });
  });

  it("counts connections in serverStatus", async () => {
    await connected(new MongoClient(engine.uri), async (client) => {
      const status = await client.db("admin").command({ serverStatus: 1 });
      expect(status.version).toMatch(/^7\.0\./);
      expect(status.uptime).toBeGreaterThanOrEqual(0);
      expect(status.connections.current).toBeGreaterThan(0);
      expect(status.connections.totalCreated).toBeGreaterThanOrEqual(status.connections.current);
      expect(status.connections.available).toBeGreaterThan(0);
    });
  });
});

describe("runEmbeddedMongoCli", () => {
  it("prints exactly one ready line and exits 0 on SIGTERM and SIGINT", async () => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "-e", 'require("./src/embedded-mongo").runEmbeddedMongoCli({ port: 0 })'],
        { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] },
      );
      const lines: string[] = [];
      const rl = createInterface({ input: child.stdout });
      const ready = new Promise<string>((resolve) => rl.on("line", (l) => (lines.push(l), resolve(l))));
      const line = await ready;
      expect(line).toMatch(/^ready mongodb:\/\/127\.0\.0\.1:\d+\/\?replicaSet=rs0$/);
      const client = new MongoClient(line.slice("ready ".length), { serverSelectionTimeoutMS: 5000 });
      await client.connect();
      expect(await client.db("admin").command({ ping: 1 })).toMatchObject({ ok: 1 });
      await client.close();
      const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      child.kill(signal);
      expect(await exit).toBe(0);
      expect(lines).toEqual([line]);
    }
  });
});
