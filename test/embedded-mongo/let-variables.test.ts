import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { serverFailure } from "./support/server-failure";
import { useTestEngine } from "./support/use-test-engine";

// The reference manual's `let` examples (find, update, delete, findAndModify, aggregate and
// bulk writes on the cakeFlavors / cakeSales collections) and mongod's variable-name codes.

const flavors = [
  { _id: 1, flavor: "chocolate" },
  { _id: 2, flavor: "strawberry" },
  { _id: 3, flavor: "cherry" },
];
const targetFlavor = { $expr: { $eq: ["$flavor", "$$targetFlavor"] } };

describe("let variables", () => {
  const engine = useTestEngine("let");

  async function cakeFlavors() {
    const c = engine.db.collection<AnyDoc>("cakeFlavors");
    await c.insertMany(flavors.map((f) => ({ ...f })));
    return c;
  }

  it("find: $$name in $expr", async () => {
    const c = await cakeFlavors();
    const found = await c
      .find(targetFlavor, { projection: { _id: 0 }, let: { targetFlavor: "chocolate" } })
      .toArray();
    expect(found).toEqual([{ flavor: "chocolate" }]);
  });

  it("update: in the filter and in an update pipeline", async () => {
    const c = await cakeFlavors();
    const r = await c.updateOne(targetFlavor, [{ $set: { flavor: "$$newFlavor" } }], {
      let: { targetFlavor: "cherry", newFlavor: "orange" },
    });
    expect(r.modifiedCount).toBe(1);
    expect(await c.findOne({ _id: 3 })).toEqual({ _id: 3, flavor: "orange" });
  });

  it("delete and findAndModify", async () => {
    const c = await cakeFlavors();
    const d = await c.deleteOne(targetFlavor, { let: { targetFlavor: "strawberry" } });
    expect(d.deletedCount).toBe(1);
    const before = await c.findOneAndUpdate(
      targetFlavor,
      [{ $set: { flavor: { $concat: ["$$prefix", "$flavor"] } } }],
      { let: { targetFlavor: "cherry", prefix: "black " }, returnDocument: "after" },
    );
    expect(before).toEqual({ _id: 3, flavor: "black cherry" });
    const removed = await c.findOneAndDelete(targetFlavor, { let: { targetFlavor: "chocolate" } });
    expect(removed?._id).toBe(1);
    expect(await c.find().toArray()).toEqual([{ _id: 3, flavor: "black cherry" }]);
  });

  it("bulk writes carry the command's let to every statement", async () => {
    const c = await cakeFlavors();
    const r = await c.bulkWrite(
      [
        { updateOne: { filter: targetFlavor, update: [{ $set: { flavor: "$$newFlavor" } }] } },
        { deleteMany: { filter: { $expr: { $eq: ["$flavor", "$$gone"] } } } },
      ],
      { let: { targetFlavor: "cherry", newFlavor: "lemon", gone: "strawberry" } },
    );
    expect(r.modifiedCount).toBe(1);
    expect(r.deletedCount).toBe(1);
    expect((await c.find().sort({ _id: 1 }).toArray()).map((d) => d.flavor)).toEqual(["chocolate", "lemon"]);
  });

  it("aggregate: $$name in $match and later stages", async () => {
    const sales = engine.db.collection<AnyDoc>("cakeSales");
    await sales.insertMany([
      { _id: 1, flavor: "chocolate", salesTotal: 1580 },
      { _id: 2, flavor: "strawberry", salesTotal: 4350 },
      { _id: 3, flavor: "cherry", salesTotal: 2150 },
    ]);
    const out = await sales
      .aggregate(
        [
          { $match: { $expr: { $gt: ["$salesTotal", "$$targetTotal"] } } },
          { $project: { _id: 0, flavor: 1, over: { $subtract: ["$salesTotal", "$$targetTotal"] } } },
        ],
        { let: { targetTotal: 3000 } },
      )
      .toArray();
    expect(out).toEqual([{ flavor: "strawberry", over: 1350 }]);
  });

  it("refuses variable names mongod refuses (16866, 16867, 16868), before touching data", async () => {
    const c = await cakeFlavors();
    const code = async (name: string) =>
      (await serverFailure(c.deleteMany(targetFlavor, { let: { [name]: "cherry" } }))).code;
    expect(await code("")).toBe(16866);
    expect(await code("TargetFlavor")).toBe(16867);
    expect(await code("NOW")).toBe(16867);
    expect(await code("target-flavor")).toBe(16868);
    expect(await c.countDocuments()).toBe(3);
    const agg = await serverFailure(c.aggregate([], { let: { Bad: 1 } }).toArray());
    expect(agg.code).toBe(16867);
  });
});
