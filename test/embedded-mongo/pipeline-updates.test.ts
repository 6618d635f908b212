import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { serverFailure } from "./support/server-failure";
import { useTestEngine } from "./support/use-test-engine";

// mongod applies an update pipeline's output as a replacement document: when it has no _id the
// original _id is kept (pipeline_executor.cpp / ObjectReplaceExecutor), and changing _id is
// code 66 ImmutableField. Examples after the manual's "Updates with Aggregation Pipeline".

describe("update pipelines in single-document updates", () => {
  const engine = useTestEngine("pipeupd");

  async function seeded() {
    const c = engine.db.collection<AnyDoc>("c");
    await c.insertMany([
      { _id: 1, name: "a", stats: { views: 3 } },
      { _id: 2, name: "b", tmp: 1, other: 2 },
    ]);
    return c;
  }

  it("$replaceWith without _id keeps the document's _id", async () => {
    const c = await seeded();
    const r = await c.updateOne({ _id: 1 }, [
      { $replaceWith: { $mergeObjects: [{ name: "$name" }, "$stats"] } },
    ]);
    expect(r.modifiedCount).toBe(1);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, name: "a", views: 3 });
  });

  it("$replaceRoot in findOneAndUpdate returns the new document with the old _id", async () => {
    const c = await seeded();
    const after = await c.findOneAndUpdate({ _id: 2 }, [{ $replaceRoot: { newRoot: { k: "$other" } } }], {
      returnDocument: "after",
    });
    expect(after).toEqual({ _id: 2, k: 2 });
  });

  it("$unset of fields, and of _id itself, keeps _id", async () => {
    const c = await seeded();
    await c.updateOne({ _id: 2 }, [{ $unset: ["tmp", "other"] }]);
    expect(await c.findOne({ _id: 2 })).toEqual({ _id: 2, name: "b" });
    await c.updateOne({ _id: 2 }, [{ $unset: "_id" }, { $set: { seen: true } }]);
    expect(await c.findOne({ _id: 2 })).toEqual({ _id: 2, name: "b", seen: true });
  });

  it("an upsert through $replaceWith keeps the _id from the filter", async () => {
    const c = await seeded();
    const r = await c.updateOne({ _id: 9 }, [{ $replaceWith: { n: 1 } }], { upsert: true });
    expect(r.upsertedId).toBe(9);
    expect(await c.findOne({ _id: 9 })).toEqual({ _id: 9, n: 1 });
  });

  it("a pipeline that sets another _id is refused with 66 and changes nothing", async () => {
    const c = await seeded();
    const err = await serverFailure(c.updateOne({ _id: 1 }, [{ $replaceWith: { _id: 5, name: "x" } }]));
    expect(err.code).toBe(66);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, name: "a", stats: { views: 3 } });
  });
});

describe("estimatedDocumentCount and $out options", () => {
  const engine = useTestEngine("estcount");

  it("estimatedDocumentCount of a missing collection is 0, of a collection its size", async () => {
    expect(await engine.db.collection("missing").estimatedDocumentCount()).toBe(0);
    await engine.db.collection("c").insertMany([{ a: 1 }, { a: 2 }]);
    expect(await engine.db.collection("c").estimatedDocumentCount()).toBe(2);
  });

  it("views answer NotImplemented (238) naming them", async () => {
    const err = await serverFailure(engine.db.createCollection("v", { viewOn: "c", pipeline: [] }));
    expect(err.code).toBe(238);
    expect(err.message).toContain("views");
  });

  it("$out accepts a read concern and writes its output", async () => {
    const c = engine.db.collection<AnyDoc>("src");
    await c.insertMany([
      { _id: 1, a: 1 },
      { _id: 2, a: 2 },
    ]);
    await c
      .aggregate([{ $match: { a: { $gt: 1 } } }, { $out: "dst" }], { readConcern: { level: "majority" } })
      .toArray();
    expect(await engine.db.collection("dst").find().toArray()).toEqual([{ _id: 2, a: 2 }]);
  });
});
