import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MongoClient } from "mongodb";
import { afterAll, describe, expect, it } from "vitest";
import { attachPersistence, type Persistence } from "../../src/embedded-mongo/persistence/persistence";
import { Engine } from "../../src/embedded-mongo/storage/engine";
import { WireServer } from "../../src/embedded-mongo/wire/wire-server";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** An engine with a data directory behind the real wire server, and its persistence to count syncs. */
async function startEngine(dataDir: string): Promise<{
  uri: string;
  persistence: Persistence;
  stop: () => Promise<void>;
}> {
  const engine = new Engine({});
  const persistence = attachPersistence(engine, dataDir);
  const server = new WireServer(engine);
  const port = await server.listen(0, "127.0.0.1", "127.0.0.1");
  return {
    uri: `mongodb://127.0.0.1:${port}/?replicaSet=rs0`,
    persistence,
    stop: async () => {
      await server.close();
      persistence.close();
      engine.close();
    },
  };
}

describe("group commit (data directory)", () => {
  it("a lone write is on disk before it is acknowledged: one fdatasync per sequential write", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jupiter-group-"));
    dirs.push(dataDir);
    const engine = await startEngine(dataDir);
    const client = new MongoClient(engine.uri, { serverSelectionTimeoutMS: 5000 });
    try {
      const items = client.db("g").collection<{ _id: number }>("items");
      await items.insertOne({ _id: -1 }); // creates the collection (a catalog record)
      const syncsBefore = engine.persistence.syncCount;
      for (let i = 0; i < 20; i++) {
        await items.insertOne({ _id: i });
        const { appended, durable } = engine.persistence.records;
        expect(durable).toBe(appended);
      }
      expect(engine.persistence.syncCount - syncsBefore).toBe(20);
    } finally {
      await client.close();
      await engine.stop();
    }
  });

  it("concurrent writes share fdatasyncs, and every acknowledged one survives a restart", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jupiter-group-"));
    dirs.push(dataDir);
    const writers = 64;
    const first = await startEngine(dataDir);
    const client = new MongoClient(first.uri, { serverSelectionTimeoutMS: 5000, maxPoolSize: writers });
    const items = client.db("g").collection<{ _id: number; round: number }>("items");
    await items.insertOne({ _id: -1, round: -1 });
    // Open the pool's connections first, so that the writes below arrive together.
    await Promise.all(Array.from({ length: writers }, () => items.findOne({ _id: -1 })));
    const syncsBefore = first.persistence.syncCount;
    const rounds = 3;
    let acknowledged = 0;
    for (let round = 0; round < rounds; round++) {
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          await items.insertOne({ _id: round * writers + w, round });
          // Acknowledged: its record (and any before it) is on disk.
          expect(first.persistence.records.durable).toBeGreaterThan(0);
          acknowledged++;
        }),
      );
    }
    const syncs = first.persistence.syncCount - syncsBefore;
    expect(acknowledged).toBe(rounds * writers);
    // One fdatasync per write would be rounds × writers; sharing needs far fewer.
    expect(syncs).toBeLessThanOrEqual((rounds * writers) / 4);
    expect(first.persistence.records.durable).toBe(first.persistence.records.appended);
    await client.close();
    await first.stop();

    const second = await startEngine(dataDir);
    const client2 = new MongoClient(second.uri, { serverSelectionTimeoutMS: 5000 });
    try {
      const stored = await client2
        .db("g")
        .collection("items")
        .countDocuments({ round: { $gte: 0 } });
      expect(stored).toBe(rounds * writers);
    } finally {
      await client2.close();
      await second.stop();
    }
  });
});
