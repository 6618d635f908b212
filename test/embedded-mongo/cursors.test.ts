import { Long, MongoServerError } from "mongodb";
import type { Db, Document } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { startTestEngine, type TestEngine } from "./support/start-test-engine";

describe("cursors", () => {
  let t: TestEngine;
  /** The engine's clock: it moves only when a test says so, so no cursor expires on a slow machine. */
  let now = Date.now();
  beforeAll(async () => {
    t = await startTestEngine({ cursorTimeoutMs: 300, clock: () => now });
    await t.client
      .db("cur")
      .collection<AnyDoc>("items")
      .insertMany(Array.from({ length: 1000 }, (_, i) => ({ _id: i, v: i * 2 })));
  });
  afterAll(async () => {
    await t.stop();
  });

  // Cursor ids are int64 on the wire; ask the driver to keep them as Long.
  const run = (db: Db, cmd: Document) => db.command(cmd, { promoteLongs: false });

  it("returns 1,000 documents across getMore batches with int64 ids", async () => {
    const db = t.client.db("cur");
    const first = await run(db, { find: "items", filter: {}, sort: { _id: 1 } });
    expect(first.cursor.firstBatch).toHaveLength(101);
    expect(first.cursor.id).toBeInstanceOf(Long);
    expect(first.cursor.id.isZero()).toBe(false);
    expect(first.cursor.ns).toBe("cur.items");
    const seen: number[] = first.cursor.firstBatch.map((d: { _id: number }) => d._id);
    let id: Long = first.cursor.id;
    let batches = 0;
    while (!id.isZero()) {
      const more = await run(db, { getMore: id, collection: "items", batchSize: 200 });
      expect(more.cursor.nextBatch.length).toBeLessThanOrEqual(200);
      seen.push(...more.cursor.nextBatch.map((d: { _id: number }) => d._id));
      id = more.cursor.id;
      batches++;
    }
    expect(batches).toBe(Math.ceil((1000 - 101) / 200));
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    const viaDriver = await db.collection<AnyDoc>("items").find({}, { batchSize: 64 }).toArray();
    expect(viaDriver).toHaveLength(1000);
  });

  it("honours batchSize on find and aggregate, and closes with id 0 when exhausted", async () => {
    const db = t.client.db("cur");
    const r = await run(db, { find: "items", filter: { _id: { $lt: 30 } }, batchSize: 10 });
    expect(r.cursor.firstBatch).toHaveLength(10);
    const rest = await run(db, { getMore: r.cursor.id, collection: "items" });
    expect(rest.cursor.nextBatch).toHaveLength(20);
    expect(rest.cursor.id.isZero()).toBe(true);
    const exact = await run(db, { find: "items", filter: { _id: { $lt: 5 } } });
    expect(exact.cursor.id.isZero()).toBe(true);
    const agg = await run(db, {
      aggregate: "items",
      pipeline: [{ $match: { _id: { $gte: 990 } } }],
      cursor: { batchSize: 4 },
    });
    expect(agg.cursor.firstBatch).toHaveLength(4);
    const single = await run(db, { find: "items", filter: {}, batchSize: 5, singleBatch: true });
    expect(single.cursor.id.isZero()).toBe(true);
  });

  it("kills cursors and reports the ones it did not know", async () => {
    const db = t.client.db("cur");
    const r = await run(db, { find: "items", filter: {}, batchSize: 2 });
    const bogus = Long.fromNumber(123456789);
    const killed = await run(db, { killCursors: "items", cursors: [r.cursor.id, bogus] });
    expect(killed.cursorsKilled).toEqual([r.cursor.id]);
    expect(killed.cursorsNotFound).toEqual([bogus]);
    const err = await run(db, { getMore: r.cursor.id, collection: "items" }).catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(43);
    const cursor = db.collection<AnyDoc>("items").find({}, { batchSize: 3 });
    await cursor.next();
    await cursor.close();
  });

  it("expires idle cursors after the configured timeout", async () => {
    const db = t.client.db("cur");
    const r = await run(db, { find: "items", filter: {}, batchSize: 2 });
    // Used within the timeout: still open.
    now += 300;
    const more = (await run(db, { getMore: r.cursor.id, collection: "items", batchSize: 2 })) as Document;
    expect(more.cursor.nextBatch).toHaveLength(2);
    // Idle for longer than the timeout since that getMore: gone.
    now += 301;
    const err = await run(db, { getMore: r.cursor.id, collection: "items" }).catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(43);
  });
});
