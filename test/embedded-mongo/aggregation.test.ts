import { MongoServerError } from "mongodb";
import { describe, expect, it } from "vitest";
import { bucketStart } from "../helpers/metric-reference";
import type { AnyDoc } from "./support/any-doc";
import { useTestEngine } from "./support/use-test-engine";

/**
 * $dateTrunc's expected start by the Luxon reference (independent of the engine); hours are
 * whole UTC hours, as the zones here have whole-hour offsets where the hour is checked.
 */
function expectedTrunc(date: Date, unit: "day" | "hour" | "week", timeZone: string): Date {
  if (unit === "hour") return new Date(Math.floor(date.getTime() / 3_600_000) * 3_600_000);
  return bucketStart(date, { granularity: unit === "day" ? "DAY" : "WEEK", zone: timeZone, weekStart: 1 });
}

describe("aggregation", () => {
  const engine = useTestEngine("agg");

  it("computes $dateTrunc in a time zone across DST changes (day, hour, week from Monday)", async () => {
    const coll = engine.db.collection<AnyDoc>("events");
    const start = Date.UTC(2024, 2, 5); // around the US spring-forward of 2024-03-10
    const dates = Array.from({ length: 120 }, (_, i) => new Date(start + i * 7 * 3_600_000 + 17 * 60_000));
    const autumn = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2024, 10, 1) + i * 5 * 3_600_000));
    const all = [...dates, ...autumn];
    await coll.insertMany(all.map((ts, i) => ({ _id: i, ts })));
    for (const timezone of ["America/New_York", "Asia/Kolkata", "UTC"]) {
      const rows = await coll
        .aggregate([
          { $sort: { _id: 1 } },
          {
            $project: {
              day: { $dateTrunc: { date: "$ts", unit: "day", timezone } },
              hour: { $dateTrunc: { date: "$ts", unit: "hour", timezone } },
              week: { $dateTrunc: { date: "$ts", unit: "week", timezone, startOfWeek: "monday" } },
            },
          },
        ])
        .toArray();
      rows.forEach((row, i) => {
        expect(row.day).toEqual(expectedTrunc(all[i], "day", timezone));
        expect(row.week).toEqual(expectedTrunc(all[i], "week", timezone));
        if (timezone !== "Asia/Kolkata") expect(row.hour).toEqual(expectedTrunc(all[i], "hour", timezone));
      });
    }
  });

  it("formats dates with $dateToString, including ISO weeks and time zones", async () => {
    const coll = engine.db.collection<AnyDoc>("fmt");
    await coll.insertMany([
      { _id: 1, d: new Date("2021-01-03T04:05:06.007Z") },
      { _id: 2, d: new Date("2024-12-30T23:59:59.999Z") },
      { _id: 3, d: new Date("2024-03-10T06:30:00Z") },
      { _id: 4, d: new Date("2024-03-11T03:00:00Z") },
      { _id: 5 },
    ]);
    const rows = await coll
      .aggregate([
        { $sort: { _id: 1 } },
        {
          $project: {
            utc: { $dateToString: { date: "$d", format: "%Y-%m-%d %H:%M:%S.%L|%j|%w|%u|%U|%V|%G|%z" } },
            ny: {
              $dateToString: { date: "$d", format: "%Y-%m-%d %H:%M %z %Z", timezone: "America/New_York" },
            },
            dflt: { $dateToString: { date: "$d", onNull: "none" } },
          },
        },
      ])
      .toArray();
    expect(rows.map((r) => r.utc)).toEqual([
      "2021-01-03 04:05:06.007|003|1|7|01|53|2020|+0000",
      "2024-12-30 23:59:59.999|365|2|1|52|01|2025|+0000",
      "2024-03-10 06:30:00.000|070|1|7|10|10|2024|+0000",
      "2024-03-11 03:00:00.000|071|2|1|10|11|2024|+0000",
      null,
    ]);
    expect(rows.map((r) => r.ny)).toEqual([
      "2021-01-02 23:05 -0500 -300",
      "2024-12-30 18:59 -0500 -300",
      "2024-03-10 01:30 -0500 -300",
      "2024-03-10 23:00 -0400 -240",
      null,
    ]);
    expect(rows[0].dflt).toBe("2021-01-03T04:05:06.007Z");
    expect(rows[4].dflt).toBe("none");
  });

  it("runs $group, $lookup, $unwind, $facet and database-level $documents", async () => {
    await engine.db.collection<AnyDoc>("orders").insertMany([
      {
        _id: 1,
        cust: "a",
        items: [
          { sku: "x", n: 2 },
          { sku: "y", n: 1 },
        ],
      },
      { _id: 2, cust: "b", items: [{ sku: "x", n: 5 }] },
    ]);
    await engine.db.collection<AnyDoc>("customers").insertMany([
      { _id: "a", name: "Ann" },
      { _id: "b", name: "Bob" },
    ]);
    const rows = await engine.db
      .collection<AnyDoc>("orders")
      .aggregate([
        { $unwind: "$items" },
        { $group: { _id: "$items.sku", total: { $sum: "$items.n" } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(rows).toEqual([
      { _id: "x", total: 7 },
      { _id: "y", total: 1 },
    ]);
    const joined = await engine.db
      .collection<AnyDoc>("orders")
      .aggregate([
        { $lookup: { from: "customers", localField: "cust", foreignField: "_id", as: "c" } },
        { $project: { _id: 1, name: { $first: "$c.name" } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(joined).toEqual([
      { _id: 1, name: "Ann" },
      { _id: 2, name: "Bob" },
    ]);
    const facet = await engine.db
      .collection<AnyDoc>("orders")
      .aggregate([
        { $facet: { n: [{ $count: "c" }], custs: [{ $group: { _id: null, c: { $addToSet: "$cust" } } }] } },
      ])
      .toArray();
    expect(facet[0].n).toEqual([{ c: 2 }]);
    expect(facet[0].custs[0].c.sort()).toEqual(["a", "b"]);
    const docs = await engine.db
      .aggregate([{ $documents: [{ x: 1 }, { x: 2 }] }, { $match: { x: 2 } }])
      .toArray();
    expect(docs).toEqual([{ x: 2 }]);
    // Nested $set/$unset in a pipeline must not alter stored documents.
    await engine.db
      .collection<AnyDoc>("orders")
      .aggregate([{ $set: { "items.flag": true } }, { $unset: "items.n" }])
      .toArray();
    expect(await engine.db.collection<AnyDoc>("orders").findOne({ _id: 1 })).toEqual({
      _id: 1,
      cust: "a",
      items: [
        { sku: "x", n: 2 },
        { sku: "y", n: 1 },
      ],
    });
  });

  it("groups with MongoDB's accumulator semantics", async () => {
    const coll = engine.db.collection<AnyDoc>("g");
    await coll.insertMany([
      { _id: 1, a: 1, b: "x", v: 2 },
      { _id: 2, b: "x", v: 3 },
      { _id: 3, a: null, b: "x", v: "s" },
      { _id: 4, a: 1.5, b: "x" },
      { _id: 5, a: 1, b: "x", v: 10 },
    ]);
    const rows = await coll
      .aggregate([
        { $sort: { _id: 1 } },
        {
          $group: {
            _id: { a: "$a", b: "$b" },
            n: { $sum: 1 },
            s: { $sum: "$v" },
            avg: { $avg: "$v" },
            mn: { $min: "$v" },
            mx: { $max: "$v" },
            f: { $first: "$v" },
            l: { $last: "$v" },
            p: { $push: "$v" },
            st: { $addToSet: "$b" },
            c: { $count: {} },
          },
        },
        { $sort: { n: -1, "_id.a": 1 } },
      ])
      .toArray();
    expect(rows).toEqual([
      { _id: { a: 1, b: "x" }, n: 2, s: 12, avg: 6, mn: 2, mx: 10, f: 2, l: 10, p: [2, 10], st: ["x"], c: 2 },
      { _id: { b: "x" }, n: 1, s: 3, avg: 3, mn: 3, mx: 3, f: 3, l: 3, p: [3], st: ["x"], c: 1 },
      {
        _id: { a: null, b: "x" },
        n: 1,
        s: 0,
        avg: null,
        mn: "s",
        mx: "s",
        f: "s",
        l: "s",
        p: ["s"],
        st: ["x"],
        c: 1,
      },
      {
        _id: { a: 1.5, b: "x" },
        n: 1,
        s: 0,
        avg: null,
        mn: null,
        mx: null,
        f: null,
        l: null,
        p: [],
        st: ["x"],
        c: 1,
      },
    ]);
    const byField = await coll
      .aggregate([{ $group: { _id: "$a", n: { $sum: 1 } } }, { $sort: { _id: 1 } }])
      .toArray();
    // Missing and null group together under a plain field path.
    expect(byField).toEqual([
      { _id: null, n: 2 },
      { _id: 1, n: 2 },
      { _id: 1.5, n: 1 },
    ]);
    // Accumulators outside the engine's fast path go through mingo's $group.
    const ids = [1, 2, 3, 4, 5];
    const mean = ids.reduce((a, b) => a + b, 0) / ids.length;
    const sd = Math.sqrt(ids.reduce((a, b) => a + (b - mean) ** 2, 0) / ids.length);
    const rare = await coll
      .aggregate([{ $group: { _id: null, sd: { $stdDevPop: "$_id" }, n: { $sum: 1 } } }])
      .toArray();
    expect(rare).toHaveLength(1);
    expect(rare[0].sd).toBeCloseTo(sd, 10);
    expect(rare[0].n).toBe(5);
  });

  it("replaces the $out target atomically, keeping its indexes", async () => {
    const src = engine.db.collection<AnyDoc>("src");
    const vs = Array.from({ length: 10 }, (_, i) => (i < 5 ? 0 : i < 8 ? 1 : 2));
    await src.insertMany(vs.map((v, i) => ({ _id: i, v })));
    const target = engine.db.collection<AnyDoc>("summary");
    await target.insertOne({ _id: "stale" });
    await target.createIndex({ n: 1 }, { unique: true });
    await src.aggregate([{ $group: { _id: "$v", n: { $sum: 1 } } }, { $out: "summary" }]).toArray();
    const expected = [0, 1, 2].map((v) => ({ _id: v, n: vs.filter((x) => x === v).length }));
    expect(await target.find().sort({ _id: 1 }).toArray()).toEqual(expected);
    expect((await target.listIndexes().toArray()).map((i) => i.name)).toEqual(["_id_", "n_1"]);
    // A failing $out (duplicate n under the unique index) leaves the target as it was.
    const err = await src
      .aggregate([{ $project: { n: { $literal: 1 } } }, { $out: "summary" }])
      .toArray()
      .catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(11000);
    expect(await target.find().sort({ _id: 1 }).toArray()).toEqual(expected);
  });

  it("carries out $merge with every whenMatched / whenNotMatched mode", async () => {
    const src = engine.db.collection<AnyDoc>("incoming");
    const tgt = engine.db.collection<AnyDoc>("stock");
    await tgt.insertMany([
      { _id: 1, sku: "a", qty: 1, note: "keep" },
      { _id: 2, sku: "b", qty: 2 },
    ]);
    await src.insertMany([
      { _id: 1, sku: "a", qty: 10 },
      { _id: 3, sku: "c", qty: 30 },
    ]);
    const project = { $project: { _id: 1, sku: 1, qty: 1 } };
    await src.aggregate([project, { $merge: { into: "stock" } }]).toArray();
    expect(await tgt.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, sku: "a", qty: 10, note: "keep" },
      { _id: 2, sku: "b", qty: 2 },
      { _id: 3, sku: "c", qty: 30 },
    ]);
    await src
      .aggregate([project, { $merge: { into: "stock", whenMatched: "replace", whenNotMatched: "discard" } }])
      .toArray();
    expect(await tgt.findOne({ _id: 1 })).toEqual({ _id: 1, sku: "a", qty: 10 });
    await src.updateOne({ _id: 1 }, { $set: { qty: 99 } });
    await src.aggregate([project, { $merge: { into: "stock", whenMatched: "keepExisting" } }]).toArray();
    expect((await tgt.findOne({ _id: 1 }))?.qty).toBe(10);
    const failed = await src
      .aggregate([project, { $merge: { into: "stock", whenMatched: "fail" } }])
      .toArray()
      .catch((e: unknown) => e);
    expect((failed as MongoServerError).code).toBe(11000);
    await src.insertOne({ _id: 4, sku: "d", qty: 4 });
    const notMatched = await src
      .aggregate([{ $match: { _id: 4 } }, { $merge: { into: "stock", whenNotMatched: "fail" } }])
      .toArray()
      .catch((e: unknown) => e);
    expect((notMatched as MongoServerError).code).toBe(13113);
    await src
      .aggregate([
        { $match: { _id: { $in: [1, 3] } } },
        { $merge: { into: "stock", whenMatched: [{ $set: { qty: { $add: ["$qty", "$$new.qty"] } } }] } },
      ])
      .toArray();
    expect((await tgt.findOne({ _id: 1 }))?.qty).toBe(10 + 99);
    expect((await tgt.findOne({ _id: 3 }))?.qty).toBe(30 + 30);
  });

  it("merges on non-_id fields only through a unique index", async () => {
    const src = engine.db.collection<AnyDoc>("daily");
    await src.insertMany([
      { day: "2024-01-01", type: "cpu", count: 3 },
      { day: "2024-01-01", type: "disk", count: 1 },
    ]);
    const project = { $project: { _id: 0, day: 1, type: 1, count: 1 } };
    const noIndex = await src
      .aggregate([project, { $merge: { into: "trend", on: ["day", "type"] } }])
      .toArray()
      .catch((e: unknown) => e);
    expect((noIndex as MongoServerError).code).toBe(51183);
    await engine.db.collection<AnyDoc>("trend").createIndex({ day: 1, type: 1 }, { unique: true });
    await src.aggregate([project, { $merge: { into: "trend", on: ["day", "type"] } }]).toArray();
    await src.updateOne({ type: "cpu" }, { $set: { count: 5 } });
    await src
      .aggregate([project, { $merge: { into: "trend", on: ["day", "type"], whenMatched: "merge" } }])
      .toArray();
    const trend = await engine.db
      .collection<AnyDoc>("trend")
      .find({}, { projection: { _id: 0 } })
      .sort({ type: 1 })
      .toArray();
    expect(trend).toEqual([
      { day: "2024-01-01", type: "cpu", count: 5 },
      { day: "2024-01-01", type: "disk", count: 1 },
    ]);
  });

  it("reports unknown stages and operators with mongod's codes", async () => {
    const coll = engine.db.collection<AnyDoc>("bad");
    await coll.insertOne({ a: 1 });
    const stage = await coll
      .aggregate([{ $nope: {} }])
      .toArray()
      .catch((e: unknown) => e);
    expect((stage as MongoServerError).code).toBe(40324);
    const op = await coll
      .find({ a: { $nope: 1 } })
      .toArray()
      .catch((e: unknown) => e);
    expect((op as MongoServerError).code).toBe(2);
    expect((op as MongoServerError).errmsg).toBe("unknown operator: $nope");
  });

  it("uses the index for a leading $match and honours hint", async () => {
    const coll = engine.db.collection<AnyDoc>("m");
    await coll.insertMany(Array.from({ length: 500 }, (_, i) => ({ k: i % 50, i })));
    await coll.createIndex({ k: 1 });
    const ex = await engine.db.command({
      explain: { aggregate: "m", pipeline: [{ $match: { k: 7 } }, { $count: "n" }], cursor: {} },
      verbosity: "executionStats",
    });
    expect(ex.queryPlanner.winningPlan.inputStage.stage).toBe("IXSCAN");
    expect(ex.executionStats.totalDocsExamined).toBe(10);
    const err = await coll
      .aggregate([{ $match: {} }], { hint: "nope" })
      .toArray()
      .catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(2);
  });
});
