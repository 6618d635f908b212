import { describe, expect, it } from "vitest";
import { useTestEngine } from "./support/use-test-engine";

describe("embedded engine smoke", () => {
  const engine = useTestEngine("smoke");

  it("answers ping and basic CRUD through the driver", async () => {
    const db = engine.db;
    expect(await db.command({ ping: 1 })).toMatchObject({ ok: 1 });
    const coll = db.collection<{ _id?: unknown; n: number; tag: string }>("items");
    const docs = Array.from({ length: 250 }, (_, i) => ({ n: i, tag: i % 2 === 0 ? "even" : "odd" }));
    const ins = await coll.insertMany(docs);
    expect(ins.insertedCount).toBe(250);
    const evens = await coll.find({ tag: "even" }).sort({ n: -1 }).toArray();
    expect(evens.length).toBe(125);
    expect(evens[0].n).toBe(248);
    const all = await coll.find({}).toArray();
    expect(all.length).toBe(250);
    const upd = await coll.updateMany({ tag: "odd" }, { $inc: { n: 1000 } });
    expect(upd.modifiedCount).toBe(125);
    const del = await coll.deleteMany({ n: { $gte: 1000 } });
    expect(del.deletedCount).toBe(125);
    const agg = await coll.aggregate([{ $group: { _id: "$tag", c: { $sum: 1 } } }]).toArray();
    expect(agg).toEqual([{ _id: "even", c: 125 }]);
    await coll.createIndex({ n: 1 }, { unique: true });
    const idx = await coll.listIndexes().toArray();
    expect(idx.map((i) => i.name)).toEqual(["_id_", "n_1"]);
    const cols = await db.listCollections().toArray();
    expect(cols.map((c) => c.name)).toEqual(["items"]);
    expect(await coll.drop()).toBe(true);
    expect(await db.listCollections().toArray()).toEqual([]);
  });
});
