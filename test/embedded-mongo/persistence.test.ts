import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { MongoClient } from "mongodb";
import { afterAll, describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { startTestEngine } from "./support/start-test-engine";

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "jupiter-persist-"));
  dirs.push(d);
  return d;
}

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.once("error", reject);
  });
}

describe("persistence with dataDir", () => {
  it("a restart keeps documents, indexes, validators, renames, drops and committed transactions", async () => {
    const dataDir = tempDir();
    const a = await startTestEngine({ dataDir });
    const db = a.client.db("p");
    await db.createCollection("people", {
      validator: { $jsonSchema: { bsonType: "object", required: ["name"] } },
      validationAction: "error",
    });
    const people = db.collection<AnyDoc>("people");
    await people.createIndex({ name: 1 }, { unique: true });
    await people.createIndex({ age: -1 }, { name: "byAge", sparse: true });
    await people.insertMany([
      { _id: 1, name: "ann", age: 30 },
      { _id: 2, name: "bob", age: 41 },
      { _id: 3, name: "cy" },
    ]);
    await people.updateOne({ _id: 2 }, { $inc: { age: 1 } });
    await people.deleteOne({ _id: 3 });
    await db.collection<AnyDoc>("tmp").insertOne({ _id: "x" });
    await db.collection<AnyDoc>("tmp").rename("renamed");
    await db.collection<AnyDoc>("gone").insertOne({ _id: 1 });
    await db.collection<AnyDoc>("gone").drop();
    const session = a.client.startSession();
    await session.withTransaction(async () => {
      await people.insertOne({ _id: 4, name: "dee", age: 5 }, { session });
      await db.collection<AnyDoc>("audit").insertOne({ _id: 1, what: "dee" }, { session });
    });
    await session.endSession();
    await db.command({ collMod: "people", validator: { age: { $gte: 0 } }, validationLevel: "moderate" });
    await people.dropIndex("byAge");
    await people.createIndex({ age: 1 }, { name: "ageAsc", expireAfterSeconds: 3600 * 24 * 365 * 100 });
    await a.client.db("p_dropped").collection<AnyDoc>("x").insertOne({ _id: 1 });
    await a.client.db("p_dropped").dropDatabase();
    const expectedPeople = await people.find({}).sort({ _id: 1 }).toArray();
    const expectedIndexes = await people.listIndexes().toArray();
    const expectedOptions = (await db.listCollections({ name: "people" }).toArray())[0] as {
      options: unknown;
    };
    await a.stop();

    const b = await startTestEngine({ dataDir });
    try {
      const db2 = b.client.db("p");
      expect(await db2.collection<AnyDoc>("people").find({}).sort({ _id: 1 }).toArray()).toEqual(
        expectedPeople,
      );
      expect(await db2.collection<AnyDoc>("people").listIndexes().toArray()).toEqual(expectedIndexes);
      const info = (await db2.listCollections({ name: "people" }).toArray())[0] as { options: unknown };
      expect(info.options).toEqual(expectedOptions.options);
      const dbs = (await b.client.db("admin").admin().listDatabases()).databases.map((d) => d.name);
      expect(dbs).not.toContain("p_dropped");
      const names = (await db2.listCollections().toArray()).map((c) => c.name).sort();
      expect(names).toEqual(["audit", "people", "renamed"]);
      expect(await db2.collection<AnyDoc>("renamed").findOne({})).toEqual({ _id: "x" });
      // The unique index still holds after the restart.
      await expect(db2.collection<AnyDoc>("people").insertOne({ name: "ann", age: 1 })).rejects.toMatchObject(
        {
          code: 11000,
        },
      );
    } finally {
      await b.stop();
    }
  });

  it("replays the journal after a crash and ignores a torn last record", async () => {
    const dataDir = tempDir();
    const a = await startTestEngine({ dataDir });
    const coll = a.client.db("p").collection<{ _id: number; v?: number }>("torn");
    const ids: number[] = [];
    for (let i = 0; i < 50; i++) {
      await coll.insertOne({ _id: i });
      ids.push(i);
    }
    await coll.updateOne({ _id: 7 }, { $set: { v: 7 } });
    // Copy the files as they are while the engine runs (what a crash leaves), then tear the tail.
    const crashed = tempDir();
    for (const f of fs.readdirSync(dataDir)) fs.copyFileSync(path.join(dataDir, f), path.join(crashed, f));
    await a.stop();
    const journal = path.join(crashed, "journal.log");
    const size = fs.statSync(journal).size;
    expect(size).toBeGreaterThan(0);
    // A record whose header promises more bytes than were written.
    const torn = Buffer.alloc(20);
    torn.writeUInt32LE(1000, 0);
    fs.appendFileSync(journal, torn);

    const b = await startTestEngine({ dataDir: crashed });
    try {
      const c2 = b.client.db("p").collection<{ _id: number; v?: number }>("torn");
      const got = (await c2.find({}).sort({ _id: 1 }).toArray()).map((d) => d._id);
      expect(got).toEqual(ids);
      expect((await c2.findOne({ _id: 7 }))?.v).toBe(7);
    } finally {
      await b.stop();
    }

    // A corrupted (checksum-failing) last record is dropped too, the records before it kept.
    const again = tempDir();
    for (const f of fs.readdirSync(crashed)) fs.copyFileSync(path.join(crashed, f), path.join(again, f));
    const c = await startTestEngine({ dataDir: again });
    await c.client.db("p").collection<AnyDoc>("torn").insertOne({ _id: 1000 });
    const copy = tempDir();
    for (const f of fs.readdirSync(again)) fs.copyFileSync(path.join(again, f), path.join(copy, f));
    await c.stop();
    const j2 = path.join(copy, "journal.log");
    const bytes = fs.readFileSync(j2);
    bytes[bytes.length - 3] ^= 0xff;
    fs.writeFileSync(j2, bytes);
    const d = await startTestEngine({ dataDir: copy });
    try {
      const n = await d.client.db("p").collection<AnyDoc>("torn").countDocuments();
      expect(n).toBe(ids.length);
    } finally {
      await d.stop();
    }
  });

  it("compacts the journal into a snapshot as it grows, and survives a restart after it", async () => {
    const dataDir = tempDir();
    const a = await startTestEngine({ dataDir, journalCompactBytes: 4096 });
    const coll = a.client.db("p").collection<AnyDoc>("compact");
    await coll.createIndex({ k: 1 });
    for (let i = 0; i < 200; i++) await coll.insertOne({ _id: i, k: i % 7, pad: "x".repeat(50) });
    await coll.deleteMany({ k: 3 });
    await a.client.db("p").collection<AnyDoc>("other").insertOne({ _id: 1 });
    await a.client.db("p").collection<AnyDoc>("other").drop();
    expect(fs.statSync(path.join(dataDir, "journal.log")).size).toBeLessThan(4096 + 2048);
    expect(fs.existsSync(path.join(dataDir, "snapshot.bson"))).toBe(true);
    const expected = await coll.find({}).sort({ _id: 1 }).toArray();
    // Crash-like: copy the files while running.
    const copy = tempDir();
    for (const f of fs.readdirSync(dataDir)) fs.copyFileSync(path.join(dataDir, f), path.join(copy, f));
    await a.stop();
    for (const dir of [dataDir, copy]) {
      const b = await startTestEngine({ dataDir: dir });
      try {
        const c2 = b.client.db("p").collection<AnyDoc>("compact");
        expect(await c2.find({}).sort({ _id: 1 }).toArray()).toEqual(expected);
        expect((await c2.listIndexes().toArray()).map((i) => i.name)).toEqual(["_id_", "k_1"]);
        expect((await b.client.db("p").listCollections().toArray()).map((c) => c.name)).toEqual(["compact"]);
      } finally {
        await b.stop();
      }
    }
  });

  it("SIGKILL during a write burst loses no acknowledged insert", async () => {
    const dataDir = tempDir();
    const root = path.resolve(__dirname, "../..");
    const startChild = async (): Promise<{ uri: string; kill: () => Promise<void> }> => {
      const port = await freePort();
      const child = spawn(
        process.execPath,
        ["bin/jupiter.js", "embedded-mongo", "--port", String(port), "--data-dir", dataDir],
        { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
      );
      const uri = await new Promise<string>((resolve, reject) => {
        let out = "";
        let err = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /ready (\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.stderr.on("data", (d: Buffer) => (err += d.toString()));
        child.once("exit", (code) => reject(new Error(`engine exited ${code}: ${err}`)));
      });
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      return {
        uri,
        kill: async () => {
          if (child.pid !== undefined) process.kill(child.pid, "SIGKILL");
          await exited;
        },
      };
    };

    const first = await startChild();
    const client = new MongoClient(first.uri, { serverSelectionTimeoutMS: 5000, retryWrites: false });
    await client.connect();
    const coll = client.db("burst").collection<{ _id: number; w: number }>("items");
    const acknowledged: number[] = [];
    let stop = false;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const id = w * 1_000_000 + i;
        try {
          await coll.insertOne({ _id: id, w });
          acknowledged.push(id);
        } catch {
          return;
        }
      }
    });
    while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 5));
    await first.kill();
    stop = true;
    await Promise.all(writers);
    await client.close(true).catch(() => undefined);
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);

    const second = await startChild();
    const client2 = new MongoClient(second.uri, { serverSelectionTimeoutMS: 5000 });
    try {
      await client2.connect();
      const present = new Set(
        (
          await client2
            .db("burst")
            .collection<AnyDoc>("items")
            .find({}, { projection: { _id: 1 } })
            .toArray()
        ).map((d) => d._id as unknown as number),
      );
      const missing = acknowledged.filter((id) => !present.has(id));
      expect(missing).toEqual([]);
    } finally {
      await client2.close();
      await second.kill();
    }
  });
});
