import { MongoServerError } from "mongodb";
import { beforeEach, describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { useTestEngine } from "./support/use-test-engine";

/**
 * mongod's score of one term occurring once in a string of `tokens` indexed tokens (stop words
 * removed): weight * (0.5 * 1 / tokens + 0.5), times 1.1 when the whole string is that term.
 */
function termScore(weight: number, tokens: number, exact = false): number {
  return weight * (0.5 / tokens + 0.5) * (exact ? 1.1 : 1);
}

async function codeOf(p: Promise<unknown>): Promise<number | undefined> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MongoServerError);
  return (err as MongoServerError).code as number | undefined;
}

describe("$text", () => {
  const engine = useTestEngine("text");
  beforeEach(async () => {
    const cases = engine.db.collection<AnyDoc>("cases");
    await cases.insertMany([
      { _id: 1, title: "Server outage", description: "The database server crashed", status: "open" },
      { _id: 2, title: "Network issue", description: "server unreachable", status: "open" },
      { _id: 3, title: "Server", description: "nothing", status: "closed" },
      { _id: 4, title: "Printer jam", description: "paper everywhere", tags: ["hardware", "server"] },
    ]);
    await cases.createIndex(
      { title: "text", description: "text", tags: "text" },
      { weights: { title: 10, description: 2, tags: 1 }, default_language: "english", name: "case_text" },
    );
  });

  it("ranks by the weighted score mongod computes", async () => {
    const expected = new Map<number, number>([
      // title "Server outage" -> [server, outag]; description -> [databas, server, crash] ("the" is a stop word)
      [1, termScore(10, 2) + termScore(2, 3)],
      // description "server unreachable" -> [server, unreach]
      [2, termScore(2, 2)],
      // title "Server" is exactly the term
      [3, termScore(10, 1, true)],
      // tags: "server" alone in its string
      [4, termScore(1, 1, true)],
    ]);
    const order = [...expected.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    const docs = await engine.db
      .collection<AnyDoc>("cases")
      .find(
        { $text: { $search: "server" } },
        {
          projection: { score: { $meta: "textScore" } },
          sort: { score: { $meta: "textScore" }, _id: 1 },
          limit: 10,
        },
      )
      .toArray();
    expect(docs.map((d) => d._id)).toEqual(order);
    for (const d of docs) expect(d.score).toBeCloseTo(expected.get(d._id as number) as number, 10);
    // Projection with only $meta keeps every field.
    expect(docs[0].title).toBe("Server");
  });

  it("combines $text with other filters, limit and an inclusion projection", async () => {
    const docs = await engine.db
      .collection<AnyDoc>("cases")
      .find(
        { $text: { $search: "server" }, status: "open" },
        {
          projection: { title: 1, score: { $meta: "textScore" } },
          sort: { score: { $meta: "textScore" }, _id: 1 },
          limit: 1,
        },
      )
      .toArray();
    expect(docs).toEqual([{ _id: 1, title: "Server outage", score: termScore(10, 2) + termScore(2, 3) }]);
  });

  it("supports phrases, negations and stemming", async () => {
    const cases = engine.db.collection<AnyDoc>("cases");
    const ids = async (search: string) =>
      (await cases.find({ $text: { $search: search } }).toArray()).map((d) => d._id).sort();
    expect(await ids('"server outage"')).toEqual([1]);
    expect(await ids("server -network")).toEqual([1, 3, 4]);
    expect(await ids("crashing")).toEqual([1]); // crashed / crashing -> crash
    expect(await ids("printers")).toEqual([4]);
    expect(await ids("network printer")).toEqual([2, 4]);
    expect(await ids("the")).toEqual([]);
    expect(await cases.countDocuments({ $text: { $search: "server" } })).toBe(4);
  });

  it("works in aggregate ($match first), with $meta in $addFields, $project and $sort", async () => {
    const out = await engine.db
      .collection<AnyDoc>("cases")
      .aggregate([
        { $match: { $text: { $search: "server" } } },
        { $addFields: { s: { $meta: "textScore" } } },
        { $sort: { score: { $meta: "textScore" } } },
        { $project: { _id: 1, s: 1, again: { $meta: "textScore" } } },
      ])
      .toArray();
    expect(out.map((d) => d._id)).toEqual([3, 1, 2, 4]);
    for (const d of out) expect(d.again).toBe(d.s);
    expect(Object.keys(out[0]).sort()).toEqual(["_id", "again", "s"]);
    const err = await codeOf(
      engine.db
        .collection("cases")
        .aggregate([{ $limit: 5 }, { $match: { $text: { $search: "x" } } }])
        .toArray(),
    );
    expect(err).toBe(17313);
  });

  it("maintains the index on updates and deletes, and filters writes by $text", async () => {
    const cases = engine.db.collection<AnyDoc>("cases");
    await cases.updateOne({ _id: 2 }, { $set: { description: "cable unplugged" } });
    expect((await cases.find({ $text: { $search: "server" } }).toArray()).map((d) => d._id).sort()).toEqual([
      1, 3, 4,
    ]);
    expect((await cases.find({ $text: { $search: "cable" } }).toArray()).map((d) => d._id)).toEqual([2]);
    const r = await cases.updateMany(
      { $text: { $search: "server" }, status: "open" },
      { $set: { hit: true } },
    );
    expect(r.modifiedCount).toBe(1);
    const fam = await cases.findOneAndUpdate(
      { $text: { $search: "server" } },
      { $set: { top: true } },
      { sort: { score: { $meta: "textScore" } }, returnDocument: "after" },
    );
    expect(fam?._id).toBe(3);
    await cases.deleteMany({ $text: { $search: "printer" } });
    expect(await cases.countDocuments({ $text: { $search: "server" } })).toBe(2);
    await cases.insertOne({ _id: 9, title: "Servers again" });
    expect(await cases.countDocuments({ $text: { $search: "server" } })).toBe(3);
  });

  it("explains a $text query as a TEXT plan", async () => {
    const explain = await engine.db.command({
      explain: { find: "cases", filter: { $text: { $search: "server" } } },
      verbosity: "executionStats",
    });
    expect(explain.queryPlanner.winningPlan.stage).toBe("TEXT_MATCH");
    expect(JSON.stringify(explain.queryPlanner.winningPlan)).toContain('"IXSCAN"');
    expect(explain.queryPlanner.winningPlan.indexName).toBe("case_text");
    expect(explain.executionStats.nReturned).toBe(4);
  });

  it("answers mongod's errors", async () => {
    const cases = engine.db.collection<AnyDoc>("cases");
    expect(
      await codeOf(
        engine.db
          .collection("other")
          .insertOne({ a: 1 })
          .then(() =>
            engine.db
              .collection("other")
              .find({ $text: { $search: "x" } })
              .toArray(),
          ),
      ),
    ).toBe(27);
    expect(
      await codeOf(
        engine.db
          .collection("none")
          .find({ $text: { $search: "x" } })
          .toArray(),
      ),
    ).toBe(27);
    const second = await cases.createIndex({ other: "text" }).catch((e: unknown) => e);
    expect((second as MongoServerError).code).toBe(85);
    expect((second as MongoServerError).errmsg).toContain("only one text index per collection allowed");
    expect(await codeOf(cases.find({ $or: [{ $text: { $search: "x" } }, { a: 1 }] }).toArray())).toBe(2);
    expect(await codeOf(cases.find({ $text: { $search: 5 } } as AnyDoc).toArray())).toBe(2);
    // $and at the top level is accepted.
    expect(
      await cases.countDocuments({ $and: [{ $text: { $search: "server" } }, { status: "closed" }] }),
    ).toBe(1);
  });

  it("rejects a document with an unsupported language override before writing it", async () => {
    const cases = engine.db.collection<AnyDoc>("cases");
    const code = await codeOf(cases.insertOne({ _id: 50, title: "x", language: "klingon" }));
    expect([17261, 17262]).toContain(code);
    expect(await cases.findOne({ _id: 50 })).toBeNull();
  });
});
