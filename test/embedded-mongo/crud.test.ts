import { Decimal128, Double, Int32, Long, MongoServerError, ObjectId, type Document } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { useTestEngine } from "./support/use-test-engine";

describe("CRUD through the driver", () => {
  const engine = useTestEngine("crud");

  it("finds with filter, projection, sort, skip and limit", async () => {
    const coll = engine.db.collection<AnyDoc>("people");
    const people = Array.from({ length: 40 }, (_, i) => ({
      _id: i,
      name: `p${i}`,
      age: 20 + (i % 13),
      team: ["a", "b", "c"][i % 3],
    }));
    await coll.insertMany(people);
    const expected = people
      .filter((p) => p.team === "b" && p.age >= 25)
      .sort((x, y) => y.age - x.age || x._id - y._id)
      .slice(2, 7)
      .map((p) => ({ _id: p._id, age: p.age }));
    const got = await coll
      .find({ team: "b", age: { $gte: 25 } }, { projection: { age: 1 } })
      .sort({ age: -1, _id: 1 })
      .skip(2)
      .limit(5)
      .toArray();
    expect(got).toEqual(expected);
    const excluded = await coll.findOne({ _id: 3 }, { projection: { name: 0, team: 0 } });
    expect(excluded).toEqual({ _id: 3, age: people[3].age });
    expect(await coll.countDocuments({ team: "a" })).toBe(people.filter((p) => p.team === "a").length);
    expect(await coll.estimatedDocumentCount()).toBe(40);
    const natural = await coll
      .find({}, { projection: { _id: 1 } })
      .sort({ $natural: -1 })
      .limit(3)
      .toArray();
    expect(natural).toEqual([{ _id: 39 }, { _id: 38 }, { _id: 37 }]);
    const teams = await coll.distinct("team");
    expect(teams).toEqual(["a", "b", "c"]);
  });

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

  it("round-trips BSON types exactly", async () => {
    const coll = engine.db.collection<AnyDoc>("types");
    const oid = new ObjectId();
    const doc = {
      _id: oid,
      i32: new Int32(5),
      i64: Long.fromNumber(7),
      bigLong: Long.fromString("9007199254740993"),
      wholeDouble: new Double(5),
      fracDouble: new Double(2.5),
      negZero: new Double(-0),
      dec: Decimal128.fromString("1.10"),
      date: new Date(1234567890123),
      str: "héllo",
      yes: true,
      nothing: null,
      nested: { a: [new Int32(1), new Double(2), { b: Long.fromNumber(3) }], c: { d: "e" } },
    };
    await coll.insertOne(doc);
    const raw = await coll.findOne({ _id: oid }, { promoteValues: false, promoteLongs: false });
    expect(raw).toEqual(doc);
    expect(raw?.wholeDouble).toBeInstanceOf(Double);
    expect(raw?.i32).toBeInstanceOf(Int32);
    expect(raw?.i64).toBeInstanceOf(Long);
    expect(raw?.dec).toBeInstanceOf(Decimal128);
    expect(raw?.nested.a[1]).toBeInstanceOf(Double);
    // Projections and updates keep the types of the fields they do not compute.
    const projected = await coll.findOne(
      { _id: oid },
      { projection: { i64: 1, wholeDouble: 1 }, promoteValues: false },
    );
    expect(projected?.i64).toBeInstanceOf(Long);
    expect(projected?.wholeDouble).toBeInstanceOf(Double);
    await coll.updateOne({ _id: oid }, { $inc: { i64: 1, wholeDouble: 1, i32: 1 }, $set: { str: "x" } });
    const updated = await coll.findOne({ _id: oid }, { promoteValues: false, promoteLongs: false });
    expect(updated?.i64).toEqual(Long.fromNumber(8));
    expect(updated?.wholeDouble).toEqual(new Double(6));
    expect(updated?.i32).toEqual(new Int32(6));
    // Queries compare numbers across Int32/Int64/Double, and dates.
    expect(await coll.countDocuments({ i64: { $gt: 7.5 } })).toBe(1);
    expect(await coll.countDocuments({ i32: 6 })).toBe(1);
    expect(
      await coll.countDocuments({ date: { $gte: new Date(1234567890000), $lt: new Date(1234567890200) } }),
    ).toBe(1);
  });

  it("fails clearly instead of comparing Decimal128 approximately", async () => {
    const coll = engine.db.collection<AnyDoc>("money");
    await coll.insertOne({ _id: 1, price: Decimal128.fromString("9.99") });
    const err = await coll
      .find({ $expr: { $gt: ["$price", 5] } })
      .toArray()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).errmsg).toMatch(/Decimal128/);
    const agg = await coll
      .aggregate([{ $group: { _id: null, s: { $sum: "$price" } } }])
      .toArray()
      .catch((e: unknown) => e);
    expect((agg as MongoServerError).errmsg).toMatch(/Decimal128/);
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, price: Decimal128.fromString("9.99") });
  });

  it("refuses collation options it cannot apply instead of comparing binary strings silently", async () => {
    const coll = engine.db.collection<AnyDoc>("names");
    await coll.insertMany([{ n: "b" }, { n: "A" }]);
    const err = await coll
      .find({}, { collation: { locale: "en", strength: 4 } })
      .toArray()
      .catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(238);
    const simple = await coll
      .find({}, { collation: { locale: "simple" } })
      .sort({ n: 1 })
      .toArray();
    expect(simple.map((d) => d.n)).toEqual(["A", "b"]);
  });

  it("sorts across types in BSON order", async () => {
    const coll = engine.db.collection<AnyDoc>("mixed");
    const oid = new ObjectId("000000000000000000000001");
    const values: unknown[] = [new Date(0), true, oid, [1], { a: 1 }, "s", 3, null];
    await coll.insertMany(values.map((v, i) => ({ _id: i, v })));
    // Arrays sort by their smallest element ascending, so [1] sorts with the numbers.
    const asc = (await coll.find({}).sort({ v: 1, _id: 1 }).toArray()).map((d) => d._id);
    expect(asc).toEqual([7, 3, 6, 5, 4, 2, 1, 0]);
  });

  it("renames collections and answers drop of a missing collection with NamespaceNotFound", async () => {
    await engine.db.collection<AnyDoc>("a").insertOne({ x: 1 });
    await engine.db.renameCollection("a", "b");
    expect(await engine.db.collection<AnyDoc>("b").countDocuments()).toBe(1);
    expect((await engine.db.listCollections().toArray()).map((c) => c.name)).toEqual(["b"]);
    const err = await engine.db.command({ drop: "does_not_exist" }).catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(26);
    expect((err as MongoServerError).codeName).toBe("NamespaceNotFound");
    const dup = await engine.db.createCollection("b").catch((e: unknown) => e);
    expect((dup as MongoServerError).code).toBe(48);
  });

  it("honours maxTimeMS", async () => {
    const coll = engine.db.collection<AnyDoc>("slow");
    await coll.insertMany(Array.from({ length: 20000 }, (_, i) => ({ i, s: `value ${i}` })));
    const filter = { $expr: { $gt: [{ $strLenCP: { $concat: ["$s", "$s", "$s"] } }, 0] } };
    const err = await coll
      .find(filter)
      .maxTimeMS(1)
      .toArray()
      .catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(50);
    expect((err as MongoServerError).codeName).toBe("MaxTimeMSExpired");
    const agg = await coll
      .aggregate([{ $match: filter }, { $group: { _id: null, n: { $sum: 1 } } }], { maxTimeMS: 1 })
      .toArray()
      .catch((e: unknown) => e);
    expect((agg as MongoServerError).code).toBe(50);
  });

  it("reports listCollections with filter and nameOnly, and listDatabases", async () => {
    await engine.db.collection<AnyDoc>("one").insertOne({});
    await engine.db.createCollection("two");
    const all = await engine.db.listCollections().toArray();
    expect(all.map((c) => c.name).sort()).toEqual(["one", "two"]);
    expect(all[0]).toMatchObject({ type: "collection", options: {}, info: { readOnly: false } });
    const filtered = await engine.db.listCollections({ name: "two" }, { nameOnly: true }).toArray();
    expect(filtered).toEqual([{ name: "two", type: "collection" }]);
    const dbs = await engine.t.client.db("admin").admin().listDatabases();
    expect(dbs.databases.map((d) => d.name)).toContain(engine.db.databaseName);
    await engine.db.dropDatabase();
    expect(await engine.db.listCollections().toArray()).toEqual([]);
  });
});
