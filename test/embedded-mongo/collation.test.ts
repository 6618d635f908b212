import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CollationOptions, Collection, Db, Document } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { serverFailure } from "./support/server-failure";
import { startTestEngine } from "./support/start-test-engine";
import { useTestEngine } from "./support/use-test-engine";

// Expected answers are the reference manual's (Collation, Case-Insensitive Indexes,
// cursor.collation()) and mongod 7.0's error codes for the `collation` document.

/** The winning plan's stage under any FETCH, and the keys it examined. */
function planOf(explain: Document): { stage: string; keys: number } {
  let plan = explain.queryPlanner.winningPlan;
  while (plan.inputStage) plan = plan.inputStage;
  return { stage: plan.stage, keys: explain.executionStats.totalKeysExamined };
}

const ids = (docs: AnyDoc[]) => docs.map((d) => d._id).sort();

/** Collection `name` of `db` holding one document `{ _id: i + 1, [field]: values[i] }` per value. */
async function numbered(db: Db, name: string, field: string, values: string[]): Promise<Collection<AnyDoc>> {
  const c = db.collection<AnyDoc>(name);
  await c.insertMany(values.map((value, i) => ({ _id: i + 1, [field]: value })));
  return c;
}

/** The `v` values as a find sorted by `v` returns them, under `collation` (none: binary order). */
async function sortedValues(c: Collection<AnyDoc>, collation?: CollationOptions): Promise<unknown[]> {
  const found = await c.find({}, { sort: { v: 1 }, ...(collation && { collation }) }).toArray();
  return found.map((d) => d.v);
}

describe("collation: comparisons and equality", () => {
  const engine = useTestEngine("coll_eq");

  async function cafes() {
    const c = engine.db.collection<AnyDoc>("myColl");
    await c.insertMany([
      { _id: 1, category: "café", status: "A" },
      { _id: 2, category: "cafe", status: "a" },
      { _id: 3, category: "cafE", status: "a" },
    ]);
    return c;
  }

  it("strength 1 compares base letters only: every spelling of cafe matches (manual: cursor.collation)", async () => {
    const c = await cafes();
    const found = await c.find({ category: "cafe" }, { collation: { locale: "fr", strength: 1 } }).toArray();
    expect(ids(found)).toEqual([1, 2, 3]);
  });

  it("strength 2 adds accents, strength 3 (the default) adds case", async () => {
    const c = await cafes();
    const s2 = await c.find({ category: "cafe" }, { collation: { locale: "en", strength: 2 } }).toArray();
    expect(ids(s2)).toEqual([2, 3]);
    const s3 = await c.find({ category: "cafe" }, { collation: { locale: "en" } }).toArray();
    expect(ids(s3)).toEqual([2]);
  });

  it("caseLevel at strength 1 ignores accents but not case", async () => {
    const c = await cafes();
    const found = await c
      .find({ category: "cafe" }, { collation: { locale: "en", strength: 1, caseLevel: true } })
      .toArray();
    expect(ids(found)).toEqual([1, 2]);
  });

  it("applies to $in, $ne, $nin and ranges, in nested paths and array elements", async () => {
    const c = engine.db.collection<AnyDoc>("nested");
    await c.insertMany([
      { _id: 1, a: { b: "Apple" } },
      { _id: 2, a: [{ b: "APPLE" }, { b: "kiwi" }] },
      { _id: 3, a: { b: "banana" } },
    ]);
    const collation = { locale: "en", strength: 2 };
    expect(ids(await c.find({ "a.b": { $in: ["apple"] } }, { collation }).toArray())).toEqual([1, 2]);
    expect(ids(await c.find({ "a.b": { $ne: "apple" } }, { collation }).toArray())).toEqual([3]);
    expect(ids(await c.find({ "a.b": { $nin: ["APPLE", "BANANA"] } }, { collation }).toArray())).toEqual([]);
    // Under en strength 2 "banana" equals "Banana"; in binary order it is greater ("b" > "B").
    expect(ids(await c.find({ "a.b": { $gt: "Banana" } }, { collation }).toArray())).toEqual([2]);
    expect(ids(await c.find({ "a.b": { $gt: "Banana" } }).toArray())).toEqual([2, 3]);
  });

  it("regular expressions stay binary, as in mongod", async () => {
    const c = await cafes();
    const found = await c
      .find({ category: { $in: [/^CAF/] } }, { collation: { locale: "en", strength: 1 } })
      .toArray();
    expect(found).toEqual([]);
  });

  it('alternate: "shifted" ignores spaces and punctuation', async () => {
    const c = await numbered(engine.db, "birds", "n", ["black-bird", "black bird", "blackbird", "blue bird"]);
    const shifted = await c
      .find({ n: "blackbird" }, { collation: { locale: "en", alternate: "shifted" } })
      .toArray();
    expect(ids(shifted)).toEqual([1, 2, 3]);
    const plain = await c.find({ n: "blackbird" }, { collation: { locale: "en" } }).toArray();
    expect(ids(plain)).toEqual([3]);
  });

  it("count, update, delete and findAndModify take the collation too", async () => {
    const c = await cafes();
    const collation = { locale: "fr", strength: 1 };
    expect(await c.countDocuments({ category: "CAFE" }, { collation })).toBe(3);
    expect(await c.countDocuments({ category: "CAFE" })).toBe(0);
    const updated = await c.updateMany({ category: "CAFÉ" }, { $set: { seen: true } }, { collation });
    expect(updated.modifiedCount).toBe(3);
    const fam = await c.findOneAndUpdate(
      { category: "CAFE" },
      { $set: { first: true } },
      { collation: { locale: "en", strength: 2 }, sort: { _id: -1 }, returnDocument: "after" },
    );
    expect(fam?._id).toBe(3);
    const bulk = await c.bulkWrite([{ deleteMany: { filter: { category: "CAFE" }, collation } }]);
    expect(bulk.deletedCount).toBe(3);
  });

  it("distinct treats values equal under the collation as one", async () => {
    const c = await cafes();
    const values = await c.distinct("category", {}, { collation: { locale: "en", strength: 1 } });
    expect(values).toHaveLength(1);
    expect(await c.distinct("category", {}, { collation: { locale: "en", strength: 2 } })).toHaveLength(2);
    expect(await c.distinct("category")).toHaveLength(3);
  });
});

describe("collation: sorts", () => {
  const engine = useTestEngine("coll_sort");

  it("numericOrdering compares digit runs as numbers (manual: 10 sorts after 2)", async () => {
    const c = await numbered(engine.db, "n", "v", ["10", "2", "1"]);
    expect(await sortedValues(c, { locale: "en", numericOrdering: true })).toEqual(["1", "2", "10"]);
    expect(await sortedValues(c)).toEqual(["1", "10", "2"]);
    expect(
      await c.countDocuments({ v: { $gt: "9" } }, { collation: { locale: "en", numericOrdering: true } }),
    ).toBe(1);
  });

  it("caseFirst upper puts capitals first; en interleaves cases where binary puts all capitals first", async () => {
    const c = await numbered(engine.db, "letters", "v", ["b", "a", "B", "A"]);
    expect(await sortedValues(c, { locale: "en", caseFirst: "upper" })).toEqual(["A", "a", "B", "b"]);
    expect(await sortedValues(c, { locale: "en", caseFirst: "lower" })).toEqual(["a", "A", "b", "B"]);
    expect(await sortedValues(c)).toEqual(["A", "B", "a", "b"]);
  });

  it("aggregate: $match and $sort follow the collation", async () => {
    const c = await numbered(engine.db, "agg", "v", ["b", "A", "a", "C"]);
    const out = await c
      .aggregate(
        [{ $match: { v: { $in: ["a", "c"] } } }, { $sort: { v: -1, _id: 1 } }, { $project: { _id: 1 } }],
        {
          collation: { locale: "en", strength: 1 },
        },
      )
      .toArray();
    expect(out).toEqual([{ _id: 4 }, { _id: 2 }, { _id: 3 }]);
  });

  it("an aggregate the engine cannot collate ($group on a string key) is refused with 238 naming it", async () => {
    const c = engine.db.collection<AnyDoc>("agg2");
    await c.insertMany([{ v: "a" }, { v: "A" }]);
    const err = await serverFailure(
      c.aggregate([{ $group: { _id: "$v" } }], { collation: { locale: "en", strength: 2 } }).toArray(),
    );
    expect(err.code).toBe(238);
    expect(err.message).toContain("$group");
  });
});

describe("collation: indexes and collection defaults", () => {
  const engine = useTestEngine("coll_idx");

  async function fruit() {
    const c = engine.db.collection<AnyDoc>("fruit");
    await c.createIndex({ type: 1 }, { collation: { locale: "en", strength: 2 } });
    await c.insertMany([{ type: "apple" }, { type: "Apple" }, { type: "APPLE" }, { type: "pear" }]);
    return c;
  }

  it("a case-insensitive index answers a query with its collation (manual: Case-Insensitive Indexes)", async () => {
    const c = await fruit();
    const collation = { locale: "en", strength: 2 };
    expect(await c.find({ type: "apple" }, { collation }).toArray()).toHaveLength(3);
    const plan = planOf(await c.find({ type: "apple" }, { collation }).explain("executionStats"));
    expect(plan.stage).toBe("IXSCAN");
    expect(plan.keys).toBe(3);
  });

  it("the index is not used by a query with another collation, and the answer is still right", async () => {
    const c = await fruit();
    const simple = await c.find({ type: "apple" }).explain("executionStats");
    expect(planOf(simple).stage).toBe("COLLSCAN");
    expect(await c.find({ type: "apple" }).toArray()).toHaveLength(1);
    const other = await c.find({ type: "apple" }, { collation: { locale: "en", strength: 1 } }).explain();
    expect(planOf(other).stage).toBe("COLLSCAN");
  });

  it("a hinted index of another collation is read whole and the query's own order still applies", async () => {
    const c = await fruit();
    const found = await c
      .find({ type: { $in: ["apple", "pear"] } }, { hint: "type_1", sort: { type: 1 } })
      .toArray();
    // Binary order and equality (the query's simple collation), not the index's.
    expect(found.map((d) => d.type)).toEqual(["apple", "pear"]);
    const all = await c.find({}, { hint: "type_1", sort: { type: -1 } }).toArray();
    expect(all.map((d) => d.type)).toEqual(["pear", "apple", "Apple", "APPLE"]);
  });

  it("listIndexes reports the collation with every option filled in, as mongod does", async () => {
    const c = await fruit();
    const index = (await c.listIndexes().toArray()).find((i) => i.name === "type_1");
    expect(index?.collation).toEqual({
      locale: "en",
      caseLevel: false,
      caseFirst: "off",
      strength: 2,
      numericOrdering: false,
      alternate: "non-ignorable",
      maxVariable: "punct",
      normalization: false,
      backwards: false,
      version: "57.1",
    });
  });

  it("a unique index with a collation refuses values equal under it (11000)", async () => {
    const c = engine.db.collection<AnyDoc>("users");
    await c.createIndex({ name: 1 }, { unique: true, collation: { locale: "en", strength: 2 } });
    await c.insertOne({ name: "Ann" });
    const err = await serverFailure(c.insertOne({ name: "ANN" }));
    expect(err.code).toBe(11000);
    await c.insertOne({ name: "Anne" });
    expect(await c.countDocuments()).toBe(2);
  });

  it("a collection's default collation applies when a command names none, and to its indexes", async () => {
    await engine.db.createCollection("names", { collation: { locale: "en_US", strength: 2 } });
    const names = engine.db.collection<AnyDoc>("names");
    await names.createIndex({ first_name: 1 });
    await names.insertMany([{ first_name: "Betsy" }, { first_name: "BETSY" }, { first_name: "betsy" }]);
    expect(await names.find({ first_name: "betsy" }).toArray()).toHaveLength(3);
    const plan = planOf(await names.find({ first_name: "betsy" }).explain("executionStats"));
    expect(plan.stage).toBe("IXSCAN");
    // A command naming the simple collation overrides the default.
    expect(
      await names.find({ first_name: "betsy" }, { collation: { locale: "simple" } }).toArray(),
    ).toHaveLength(1);
    const [info] = await engine.db.listCollections({ name: "names" }).toArray();
    expect((info as { options: Document }).options.collation).toMatchObject({ locale: "en_US", strength: 2 });
    const indexes = await names.listIndexes().toArray();
    expect(indexes.find((i) => i.name === "first_name_1")?.collation).toMatchObject({
      locale: "en_US",
      strength: 2,
    });
  });

  it("the same key may be indexed once per collation", async () => {
    const c = engine.db.collection<AnyDoc>("twice");
    await c.createIndex({ k: 1 });
    await c.createIndex({ k: 1 }, { name: "k_ci", collation: { locale: "en", strength: 2 } });
    expect((await c.listIndexes().toArray()).map((i) => i.name).sort()).toEqual(["_id_", "k_1", "k_ci"]);
  });
});

describe("collation: errors", () => {
  const engine = useTestEngine("coll_err");

  it("refuses a malformed collation document with mongod's codes", async () => {
    const c = engine.db.collection<AnyDoc>("c");
    expect((await serverFailure(c.find({}, { collation: { locale: "xx_bogus" } }).toArray())).code).toBe(2);
    expect((await serverFailure(c.find({}, { collation: { strength: 2 } as never }).toArray())).code).toBe(
      40414,
    );
    expect(
      (await serverFailure(c.find({}, { collation: { locale: "en", colour: 1 } as never }).toArray())).code,
    ).toBe(40415);
    expect(
      (await serverFailure(c.find({}, { collation: { locale: "en", strength: 9 } }).toArray())).code,
    ).toBe(2);
  });

  it("options Intl.Collator cannot express answer NotImplemented (238) naming the option", async () => {
    const c = engine.db.collection<AnyDoc>("c");
    for (const [collation, named] of [
      [{ locale: "en", strength: 4 }, "strength 4"],
      [{ locale: "fr", backwards: true }, "backwards"],
      [{ locale: "en", normalization: true }, "normalization"],
    ] as const) {
      const err = await serverFailure(c.find({}, { collation }).toArray());
      expect(err.code).toBe(238);
      expect(err.message).toContain(named);
    }
  });
});

describe("collation: restarts and transactions", () => {
  it("a collection's default collation and a collated unique index survive a restart from the data directory", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jupiter-collation-"));
    try {
      const a = await startTestEngine({ dataDir });
      await a.client.db("app").createCollection("names", { collation: { locale: "en", strength: 2 } });
      await a.client.db("app").collection("names").createIndex({ n: 1 }, { unique: true });
      await a.client.db("app").collection("names").insertOne({ n: "Ann" });
      await a.stop();
      const b = await startTestEngine({ dataDir });
      try {
        const names = b.client.db("app").collection<AnyDoc>("names");
        expect(await names.countDocuments({ n: "ANN" })).toBe(1);
        expect((await serverFailure(names.insertOne({ n: "aNN" }))).code).toBe(11000);
        const [info] = await b.client.db("app").listCollections({ name: "names" }).toArray();
        expect((info as Document).idIndex.collation).toMatchObject({ locale: "en", strength: 2 });
      } finally {
        await b.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("inside a transaction reads and writes use the collection's collation", async () => {
    const t = await startTestEngine();
    try {
      await t.client.db("app").createCollection("names", { collation: { locale: "en", strength: 1 } });
      const names = t.client.db("app").collection<AnyDoc>("names");
      await names.insertMany([{ n: "café" }, { n: "Cafe" }, { n: "tea" }]);
      const session = t.client.startSession();
      try {
        await session.withTransaction(async () => {
          expect(await names.countDocuments({ n: "CAFE" }, { session })).toBe(2);
          await names.deleteMany({ n: "cafe" }, { session });
        });
      } finally {
        await session.endSession();
      }
      expect(await names.find({}, { projection: { _id: 0 } }).toArray()).toEqual([{ n: "tea" }]);
    } finally {
      await t.stop();
    }
  });
});
