import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { serverFailure } from "./support/server-failure";
import { useTestEngine } from "./support/use-test-engine";

describe("operands of the wrong type fail as in mongod", () => {
  const engine = useTestEngine("operands");

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
});
