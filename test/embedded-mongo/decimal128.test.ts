import { Decimal128, Double, Int32, Long, type Document } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { serverFailure } from "./support/server-failure";
import { useTestEngine } from "./support/use-test-engine";

// mongod compares numbers of every BSON type exactly by value (reference manual: Comparison/Sort
// Order, "Numeric types"): Decimal128("0.1") is less than the double 0.1, which is
// 0.1000000000000000055511151231257827; Decimal128("10.00") equals 10.

const dec = (s: string) => Decimal128.fromString(s);
const idsOf = (docs: AnyDoc[]) => docs.map((d) => d._id);

describe("Decimal128 and the other numeric types", () => {
  const engine = useTestEngine("dec");

  async function prices() {
    const c = engine.db.collection<AnyDoc>("prices");
    await c.insertMany([
      { _id: 1, p: dec("9.99") },
      { _id: 2, p: dec("0.1") },
      { _id: 3, p: 0.1 },
      { _id: 4, p: dec("10.000000000000000000000000000001") },
      { _id: 5, p: 10 },
      { _id: 6, p: Long.fromNumber(3) },
    ]);
    return c;
  }

  it("filters compare Decimal128 exactly with doubles, ints and longs, even past 15 digits", async () => {
    const c = await prices();
    expect(
      idsOf(
        await c
          .find({ p: { $gt: 5 } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([1, 4, 5]);
    expect(idsOf(await c.find({ p: { $gt: 10 } }).toArray())).toEqual([4]);
    expect(idsOf(await c.find({ p: dec("10.00") }).toArray())).toEqual([5]);
    expect(idsOf(await c.find({ p: dec("0.1") }).toArray())).toEqual([2]);
    expect(
      idsOf(
        await c
          .find({ p: { $in: [dec("9.990"), 3] } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([1, 6]);
    expect(await c.countDocuments({ p: { $lte: dec("3") } })).toBe(3);
  });

  it("sorts in exact numeric order, in find, aggregate and through an index", async () => {
    const c = await prices();
    const order = [2, 3, 6, 1, 5, 4];
    expect(idsOf(await c.find({}).sort({ p: 1 }).toArray())).toEqual(order);
    expect(idsOf(await c.aggregate([{ $sort: { p: -1 } }]).toArray())).toEqual([...order].reverse());
    await c.createIndex({ p: 1 });
    const ranged = await c.find({ p: { $gte: dec("0.1"), $lt: dec("9.99") } }).toArray();
    expect(idsOf(ranged)).toEqual([2, 3, 6]);
    const explain: Document = await c.find({ p: { $gte: dec("0.1"), $lt: dec("9.99") } }).explain();
    expect(JSON.stringify(explain.queryPlanner.winningPlan)).toContain("IXSCAN");
  });

  it("distinct keeps Decimal128 0.1 and double 0.1 apart and merges 10 with 10.00", async () => {
    const c = await prices();
    await c.insertOne({ _id: 7, p: dec("10.00") });
    const values = await c.distinct("p");
    expect(values).toHaveLength(6);
  });

  it("updates and deletes find documents by Decimal128 values, and $set stores them", async () => {
    const c = await prices();
    await c.updateOne({ p: dec("9.99") }, { $set: { q: dec("1.50") } });
    expect((await c.findOne({ _id: 1 }))?.q).toEqual(dec("1.50"));
    expect((await c.deleteMany({ p: { $lt: dec("1") } })).deletedCount).toBe(2);
  });

  it("arithmetic, accumulators and expressions over Decimal128 answer 238 naming the operator", async () => {
    const c = await prices();
    for (const [run, operator] of [
      [() => c.aggregate([{ $group: { _id: null, s: { $sum: "$p" } } }]).toArray(), "$group"],
      [() => c.aggregate([{ $project: { d: { $add: ["$p", 0.5] } } }]).toArray(), "$add"],
      [() => c.updateOne({ _id: 1 }, { $inc: { p: 0.5 } }), "$inc"],
      [() => c.updateOne({ _id: 3 }, { $mul: { p: dec("2") } }), "$mul"],
      [() => c.find({ $expr: { $gt: [{ $round: ["$p", 1] }, 5] } }).toArray(), "$expr"],
      [() => c.find({ p: { $mod: [2, 0] } }).toArray(), "$mod"],
    ] as const) {
      const err = await serverFailure(run());
      expect(err.code).toBe(238);
      expect(err.message).toContain(operator);
    }
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, p: dec("9.99") });
  });

  it("every BSON numeric type round-trips unchanged", async () => {
    const c = engine.db.collection<AnyDoc>("numbers");
    const doc = {
      _id: new Int32(1),
      int: new Int32(7),
      long: Long.fromString("9007199254740993"),
      smallLong: Long.fromNumber(2),
      double: new Double(3),
      fraction: new Double(2.5),
      negativeZero: new Double(-0),
      decimal: dec("4.10"),
      decimalExp: dec("1.000E+10"),
      decimalNaN: dec("NaN"),
      decimalInf: dec("-Infinity"),
      nested: { a: [Long.fromNumber(5), new Double(6), dec("7.0")] },
    };
    await c.insertOne(doc);
    const back = await c.findOne({ _id: 1 }, {
      promoteLongs: false,
      promoteValues: false,
      bsonRegExp: true,
    } as object);
    const typeAndText = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(typeAndText)
        : v !== null && typeof v === "object" && !(v as { _bsontype?: string })._bsontype
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeAndText(x)]))
          : `${(v as { _bsontype?: string })._bsontype}:${Object.is(Number(v), -0) ? "-0" : String(v)}`;
    expect(typeAndText(back)).toEqual(typeAndText(doc));
  });

  it("$jsonSchema bsonType long accepts a Long and refuses an int or a double", async () => {
    await engine.db.createCollection("typed", {
      validator: {
        $jsonSchema: { properties: { n: { bsonType: "long" }, list: { items: { bsonType: "long" } } } },
      },
    });
    const c = engine.db.collection<AnyDoc>("typed");
    await c.insertOne({
      n: Long.fromNumber(5),
      list: [Long.fromNumber(1), Long.fromString("9007199254740993")],
    });
    expect((await serverFailure(c.insertOne({ n: new Int32(5) }))).code).toBe(121);
    expect((await serverFailure(c.insertOne({ n: new Double(5) }))).code).toBe(121);
    expect((await serverFailure(c.insertOne({ list: [Long.fromNumber(1), new Int32(2)] }))).code).toBe(121);
    expect(await c.countDocuments()).toBe(1);
  });
});
