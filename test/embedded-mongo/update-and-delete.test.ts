import { MongoServerError, ObjectId, type Document } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { useTestEngine } from "./support/use-test-engine";

describe("updates and deletes through the driver", () => {
  const engine = useTestEngine("updates");

  it("upserts with $setOnInsert built from the filter's equality parts", async () => {
    const coll = engine.db.collection<AnyDoc>("counters");
    const r1 = await coll.updateOne(
      { name: "visits", "meta.kind": "page", level: { $eq: 3 } },
      { $inc: { n: 1 }, $setOnInsert: { createdAt: new Date(0) } },
      { upsert: true },
    );
    expect(r1.upsertedCount).toBe(1);
    expect(r1.matchedCount).toBe(0);
    const id = r1.upsertedId;
    expect(id).toBeInstanceOf(ObjectId);
    expect(await coll.findOne({ _id: id as ObjectId })).toEqual({
      _id: id,
      name: "visits",
      meta: { kind: "page" },
      level: 3,
      n: 1,
      createdAt: new Date(0),
    });
    const r2 = await coll.updateOne(
      { name: "visits", "meta.kind": "page", level: 3 },
      { $inc: { n: 1 }, $setOnInsert: { createdAt: new Date(5) } },
      { upsert: true },
    );
    expect(r2).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0, upsertedId: null });
    expect(await coll.findOne({ name: "visits" })).toMatchObject({ n: 2, createdAt: new Date(0) });
    const bulk = await coll.bulkWrite([
      { updateOne: { filter: { _id: "x" }, update: { $set: { v: 1 } }, upsert: true } },
      { updateOne: { filter: { _id: "y" }, update: { $set: { v: 2 } }, upsert: true } },
      { replaceOne: { filter: { _id: "z" }, replacement: { v: 3 }, upsert: true } },
    ]);
    expect(bulk.upsertedIds).toEqual({ 0: "x", 1: "y", 2: "z" });
    expect(await coll.findOne({ _id: "z" as never })).toEqual({ _id: "z", v: 3 });
  });

  it("applies arrayFilters, positional $ and $[]", async () => {
    const coll = engine.db.collection<AnyDoc>("grades");
    await coll.insertMany([
      {
        _id: 1,
        grades: [95, 92, 90],
        items: [
          { k: "a", q: 1 },
          { k: "b", q: 5 },
        ],
      },
      { _id: 2, grades: [98, 100, 102], items: [{ k: "a", q: 7 }] },
    ]);
    const r = await coll.updateMany(
      {},
      { $set: { "grades.$[g]": 100 } },
      { arrayFilters: [{ g: { $gte: 100 } }] },
    );
    expect(r.modifiedCount).toBe(1);
    expect((await coll.findOne({ _id: 2 }))?.grades).toEqual([98, 100, 100]);
    await coll.updateOne({ _id: 1, grades: 92 }, { $set: { "grades.$": 93 } });
    expect((await coll.findOne({ _id: 1 }))?.grades).toEqual([95, 93, 90]);
    await coll.updateOne({ _id: 1 }, { $inc: { "items.$[].q": 10 } });
    expect((await coll.findOne({ _id: 1 }))?.items).toEqual([
      { k: "a", q: 11 },
      { k: "b", q: 15 },
    ]);
    await coll.updateOne(
      { _id: 1 },
      { $set: { "items.$[it].flag": true } },
      { arrayFilters: [{ "it.k": "b" }] },
    );
    expect((await coll.findOne({ _id: 1 }))?.items).toEqual([
      { k: "a", q: 11 },
      { k: "b", q: 15, flag: true },
    ]);
  });

  it("supports the update operators and counts only real modifications", async () => {
    const coll = engine.db.collection<AnyDoc>("ops");
    await coll.insertOne({ _id: 1, a: 5, b: 10, tags: ["x"], old: "v", m: 3, arr: [1, 2, 3, 4] });
    const same = await coll.updateOne({ _id: 1 }, { $set: { a: 5 } });
    expect(same).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
    await coll.updateOne(
      { _id: 1 },
      {
        $min: { a: 2 },
        $max: { b: 20 },
        $mul: { m: 4 },
        $push: { tags: { $each: ["y", "z"] } } as Document,
        $addToSet: { arr: 4 },
        $rename: { old: "renamed" },
        $currentDate: { touched: true },
        $unset: { missing: "" },
      },
    );
    const doc = await coll.findOne({ _id: 1 });
    expect(doc).toMatchObject({ a: 2, b: 20, m: 12, tags: ["x", "y", "z"], arr: [1, 2, 3, 4], renamed: "v" });
    expect(doc).not.toHaveProperty("old");
    expect(doc?.touched).toBeInstanceOf(Date);
    await coll.updateOne({ _id: 1 }, { $pull: { arr: { $gte: 3 } } as Document });
    expect((await coll.findOne({ _id: 1 }))?.arr).toEqual([1, 2]);
    const replaced = await coll.replaceOne({ _id: 1 }, { only: true });
    expect(replaced.modifiedCount).toBe(1);
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, only: true });
    const piped = await coll.updateOne({ _id: 1 }, [{ $set: { copy: "$only", n: { $add: [1, 2] } } }]);
    expect(piped.modifiedCount).toBe(1);
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, only: true, copy: true, n: 3 });
  });

  it("refuses to change _id (ImmutableField) and reports conflicting operators", async () => {
    const coll = engine.db.collection<AnyDoc>("imm");
    await coll.insertOne({ _id: 1, a: 1 });
    const e1 = await coll.updateOne({ _id: 1 }, { $set: { _id: 2 } }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(MongoServerError);
    expect((e1 as MongoServerError).code).toBe(66);
    const e2 = await coll.replaceOne({ _id: 1 }, { _id: 3, a: 2 }).catch((e: unknown) => e);
    expect((e2 as MongoServerError).code).toBe(66);
    const e3 = await coll.updateOne({ _id: 1 }, { $set: { a: 1 }, $inc: { a: 1 } }).catch((e: unknown) => e);
    expect((e3 as MongoServerError).code).toBe(40);
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, a: 1 });
  });

  it("findOneAndUpdate / Replace / Delete with sort, projection, upsert and returnDocument", async () => {
    const coll = engine.db.collection<AnyDoc>("tasks");
    await coll.insertMany([
      { _id: 1, state: "new", prio: 2 },
      { _id: 2, state: "new", prio: 9 },
      { _id: 3, state: "new", prio: 5 },
    ]);
    const before = await coll.findOneAndUpdate(
      { state: "new" },
      { $set: { state: "taken" } },
      { sort: { prio: -1 } },
    );
    expect(before).toEqual({ _id: 2, state: "new", prio: 9 });
    const after = await coll.findOneAndUpdate(
      { state: "new" },
      { $set: { state: "taken" } },
      { sort: { prio: -1 }, returnDocument: "after", projection: { state: 1 } },
    );
    expect(after).toEqual({ _id: 3, state: "taken" });
    const upserted = await coll.findOneAndUpdate(
      { _id: 9 },
      { $set: { state: "fresh" } },
      { upsert: true, returnDocument: "after", includeResultMetadata: true },
    );
    expect(upserted.value).toEqual({ _id: 9, state: "fresh" });
    expect(upserted.lastErrorObject).toMatchObject({ n: 1, updatedExisting: false, upserted: 9 });
    const none = await coll.findOneAndUpdate({ _id: 100 }, { $set: { x: 1 } });
    expect(none).toBeNull();
    const replaced = await coll.findOneAndReplace(
      { _id: 1 },
      { state: "replaced" },
      { returnDocument: "after" },
    );
    expect(replaced).toEqual({ _id: 1, state: "replaced" });
    const removed = await coll.findOneAndDelete({ state: "taken" }, { sort: { prio: 1 } });
    expect(removed).toEqual({ _id: 3, state: "taken", prio: 5 });
    expect(await coll.countDocuments()).toBe(3);
  });

  it("deletes one or many", async () => {
    const coll = engine.db.collection<AnyDoc>("del");
    await coll.insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: i, even: i % 2 === 0 })));
    expect((await coll.deleteOne({ even: true })).deletedCount).toBe(1);
    expect((await coll.deleteMany({ even: true })).deletedCount).toBe(4);
    expect((await coll.deleteMany({})).deletedCount).toBe(5);
  });

  it("an upsert whose filter has a range condition applies its update", async () => {
    const c = engine.db.collection<AnyDoc>("u");
    const r = await c.updateOne({ k: 1, e: { $lt: 5 } }, { $set: { owner: "a" } }, { upsert: true });
    expect(r.upsertedCount).toBe(1);
    expect(await c.findOne({}, { projection: { _id: 0 } })).toEqual({ k: 1, owner: "a" });
    // The positional operator still works on ordinary updates.
    await c.insertOne({ _id: 7, arr: [1, 2, 3] });
    await c.updateOne({ _id: 7, arr: 2 }, { $set: { "arr.$": 20 } });
    expect((await c.findOne({ _id: 7 }))?.arr).toEqual([1, 20, 3]);
  });
});
