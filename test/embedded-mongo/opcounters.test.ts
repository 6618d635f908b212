import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEngine, type TestEngine } from "./support/start-test-engine";

type Counters = Record<"insert" | "query" | "update" | "delete" | "getmore" | "command", number>;

describe("serverStatus opcounters", () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(async () => {
    await t.stop();
  });

  async function counters(): Promise<Counters> {
    const status = await t.client.db("admin").command({ serverStatus: 1 });
    return status.opcounters as Counters;
  }

  it("rise by exactly the operations performed", async () => {
    const coll = t.client.db("ops").collection("c");
    const before = await counters();
    await coll.insertMany(Array.from({ length: 7 }, (_, i) => ({ i })));
    await coll.insertOne({ i: 100 });
    await coll.find({}).toArray();
    await coll.find({ i: { $lt: 3 } }).toArray();
    await coll.find({}, { batchSize: 2 }).toArray(); // 8 docs in batches of 2: find + 3 getMore
    await coll.updateOne({ i: 1 }, { $set: { x: 1 } });
    await coll.bulkWrite([
      { updateOne: { filter: { i: 2 }, update: { $set: { x: 2 } } } },
      { updateMany: { filter: { i: { $gt: 4 } }, update: { $set: { y: 1 } } } },
      { deleteOne: { filter: { i: 0 } } },
    ]);
    await coll.deleteMany({ i: 100 });
    await coll.countDocuments({});
    await coll.aggregate([{ $match: {} }]).toArray();
    const after = await counters();
    expect(after.insert - before.insert).toBe(8);
    expect(after.query - before.query).toBe(3);
    expect(after.getmore - before.getmore).toBe(3);
    expect(after.update - before.update).toBe(3);
    expect(after.delete - before.delete).toBe(2);
    // countDocuments and aggregate run as aggregate commands; plus the second serverStatus.
    expect(after.command - before.command).toBe(3);
  });
});
