import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { serverFailure } from "./support/server-failure";
import { useTestEngine } from "./support/use-test-engine";

describe("regressions", () => {
  const engine = useTestEngine("reg");

  it("$dateTrunc hour in a timezone bins absolute hours (DST fall-back keeps two bins)", async () => {
    const c = engine.db.collection<AnyDoc>("d");
    await c.insertMany([
      { _id: 1, d: new Date("2026-10-25T00:30:00Z") },
      { _id: 2, d: new Date("2026-10-25T01:30:00Z") },
      { _id: 3, d: new Date("2026-01-15T10:10:00Z") },
    ]);
    const out = await c
      .aggregate([
        { $sort: { _id: 1 } },
        {
          $project: {
            berlin: { $dateTrunc: { date: "$d", unit: "hour", timezone: "Europe/Berlin" } },
            kolkata: { $dateTrunc: { date: "$d", unit: "hour", timezone: "Asia/Kolkata" } },
          },
        },
      ])
      .toArray();
    expect(out[0].berlin).toEqual(new Date("2026-10-25T00:00:00Z"));
    expect(out[1].berlin).toEqual(new Date("2026-10-25T01:00:00Z"));
    expect(out[2].kolkata).toEqual(new Date("2026-01-15T09:30:00Z"));
  });

  it("$dateToString accepts UTC and Etc/GMT+5", async () => {
    const c = engine.db.collection<AnyDoc>("d");
    await c.insertOne({ d: new Date("2026-01-15T02:00:00Z") });
    const [row] = await c
      .aggregate([
        {
          $project: {
            utc: { $dateToString: { date: "$d", format: "%Y-%m-%d %H", timezone: "UTC" } },
            gmt5: { $dateToString: { date: "$d", format: "%Y-%m-%d %H", timezone: "Etc/GMT+5" } },
          },
        },
      ])
      .toArray();
    expect(row.utc).toBe("2026-01-15 02");
    expect(row.gmt5).toBe("2026-01-14 21");
  });

  it("$in/$nin/$all with a non-array answer code 2 'needs an array'", async () => {
    const c = engine.db.collection<AnyDoc>("x");
    await c.insertOne({ _id: 1, a: [1] });
    for (const op of ["$in", "$nin", "$all"]) {
      const err = await serverFailure(c.find({ _id: { [op]: null } } as AnyDoc).toArray());
      expect(err.code).toBe(2);
      expect(err.errmsg).toBe(`${op} needs an array`);
    }
    expect((await serverFailure(c.find({ a: { $size: "x" } } as AnyDoc).toArray())).code).toBe(2);
    expect((await serverFailure(c.find({ $or: null } as AnyDoc).toArray())).code).toBe(2);
    expect((await serverFailure(c.find({ a: { $elemMatch: 3 } } as AnyDoc).toArray())).code).toBe(2);
    expect((await serverFailure(c.deleteMany({ _id: { $nin: null } } as AnyDoc))).code).toBe(2);
    expect((await serverFailure(c.find({ a: { $type: "nope" } } as AnyDoc).toArray())).errmsg).toBe(
      "Unknown type name alias: nope",
    );
    expect((await serverFailure(c.find({ a: { $mod: [0, 1] } } as AnyDoc).toArray())).errmsg).toBe(
      "divisor cannot be 0",
    );
    expect(await c.countDocuments({ _id: { $type: ["string", "int"] } })).toBe(1);
  });

  it("update operators on a field of the wrong type fail as in mongod instead of doing nothing", async () => {
    const c = engine.db.collection<AnyDoc>("t");
    await c.insertOne({ _id: 1, s: "x", n: 1, arr: [1] });
    expect((await serverFailure(c.updateOne({ _id: 1 }, { $inc: { s: 1 } }))).code).toBe(14);
    expect((await serverFailure(c.updateOne({ _id: 1 }, { $mul: { s: 2 } }))).code).toBe(14);
    expect((await serverFailure(c.updateOne({ _id: 1 }, { $inc: { n: "1" } } as AnyDoc))).code).toBe(14);
    expect((await serverFailure(c.updateOne({ _id: 1 }, { $push: { s: 1 } } as AnyDoc))).code).toBe(2);
    expect((await serverFailure(c.updateOne({ _id: 1 }, { $addToSet: { n: 1 } }))).code).toBe(2);
    await c.updateOne({ _id: 1 }, { $inc: { n: 2, fresh: 1 }, $push: { arr: 2 } } as AnyDoc);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, s: "x", n: 3, arr: [1, 2], fresh: 1 });
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
