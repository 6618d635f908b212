import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { useTestEngine } from "./support/use-test-engine";

describe("find: filter, projection, sort, skip and limit", () => {
  const engine = useTestEngine("find");

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

  it("sorts across types in BSON order", async () => {
    const coll = engine.db.collection<AnyDoc>("mixed");
    const oid = new ObjectId("000000000000000000000001");
    const values: unknown[] = [new Date(0), true, oid, [1], { a: 1 }, "s", 3, null];
    await coll.insertMany(values.map((v, i) => ({ _id: i, v })));
    // Arrays sort by their smallest element ascending, so [1] sorts with the numbers.
    const asc = (await coll.find({}).sort({ v: 1, _id: 1 }).toArray()).map((d) => d._id);
    expect(asc).toEqual([7, 3, 6, 5, 4, 2, 1, 0]);
  });
});
