import { Decimal128, Double, Int32, Long, MongoServerError, ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { useTestEngine } from "./support/use-test-engine";

describe("BSON values: exact round trips, no approximate comparisons", () => {
  const engine = useTestEngine("bson");

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
      .find({ $expr: { $gt: [{ $round: ["$price", 1] }, 5] } })
      .toArray()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).errmsg).toMatch(/Decimal128/);
    const agg = await coll
      .aggregate([{ $group: { _id: null, s: { $sum: { $add: ["$price", 0.5] } } } }])
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
});
