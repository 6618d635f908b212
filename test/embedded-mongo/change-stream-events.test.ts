import { Timestamp, type Document } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { useTestEngine } from "./support/use-test-engine";
import { openStream, take } from "./support/watch-helpers";

const f = useTestEngine("cs_events");

describe("collection.watch(): document events", () => {
  it("reports insert, update, replace and delete with mongod's fields", async () => {
    const coll = f.db.collection<AnyDoc>("items");
    const stream = await openStream(coll);
    const original = { _id: 1, name: "a", qty: 2, tags: ["x", "y", "z"], dims: { w: 1, h: 2 } };
    const set = { qty: 5, "dims.h": 3 };
    const replacement = { name: "b", qty: 1 };
    await coll.insertOne(original);
    await coll.updateOne({ _id: 1 }, { $set: set, $unset: { name: "" } });
    await coll.updateOne({ _id: 1 }, { $pop: { tags: 1 } });
    await coll.updateOne({ _id: 1 }, { $push: { tags: "w" } } as Document);
    await coll.replaceOne({ _id: 1 }, replacement);
    await coll.deleteOne({ _id: 1 });
    const events = await take(stream, 6);
    await stream.close();

    expect(events.map((e) => e.operationType)).toEqual([
      "insert",
      "update",
      "update",
      "update",
      "replace",
      "delete",
    ]);
    for (const e of events) {
      expect(e.ns).toEqual({ db: f.db.databaseName, coll: "items" });
      expect(e.documentKey).toEqual({ _id: 1 });
      expect(e.clusterTime).toBeInstanceOf(Timestamp);
      expect(e.wallTime).toBeInstanceOf(Date);
      expect(typeof e._id._data).toBe("string");
    }
    // Cluster times strictly increase, and so do the tokens' positions.
    for (let i = 1; i < events.length; i++) {
      expect(events[i].clusterTime.compare(events[i - 1].clusterTime)).toBe(1);
    }
    expect(new Set(events.map((e) => e._id._data)).size).toBe(events.length);

    const [insert, update, pop, push, replace, del] = events;
    expect(insert.fullDocument).toEqual(original);
    expect(update.fullDocument).toBeUndefined();
    expect(update.updateDescription).toEqual({
      updatedFields: set,
      removedFields: ["name"],
      truncatedArrays: [],
    });
    const afterPop = original.tags.slice(0, -1);
    expect(pop.updateDescription).toEqual({
      updatedFields: {},
      removedFields: [],
      truncatedArrays: [{ field: "tags", newSize: afterPop.length }],
    });
    expect(push.updateDescription).toEqual({
      updatedFields: { [`tags.${afterPop.length}`]: "w" },
      removedFields: [],
      truncatedArrays: [],
    });
    expect(replace.fullDocument).toEqual({ _id: 1, ...replacement });
    expect(del.fullDocument).toBeUndefined();
  });

  it("reports each document of insertMany, updateMany and deleteMany as its own event", async () => {
    const coll = f.db.collection<AnyDoc>("many");
    const stream = await openStream(coll);
    const docs = Array.from({ length: 5 }, (_, i) => ({ _id: i, even: i % 2 === 0 }));
    await coll.insertMany(docs);
    await coll.updateMany({ even: true }, { $set: { seen: true } });
    await coll.deleteMany({});
    const evens = docs.filter((d) => d.even);
    const events = await take(stream, docs.length + evens.length + docs.length);
    await stream.close();
    expect(events.map((e) => [e.operationType, e.documentKey._id])).toEqual([
      ...docs.map((d) => ["insert", d._id]),
      ...evens.map((d) => ["update", d._id]),
      ...docs.map((d) => ["delete", d._id]),
    ]);
  });

  it("fullDocument: updateLookup reads the current version, whenAvailable/required the post-image", async () => {
    const coll = f.db.collection<AnyDoc>("lookup");
    const lookup = await openStream(coll, [], { fullDocument: "updateLookup" });
    const post = await openStream(coll, [], { fullDocument: "whenAvailable" });
    const required = await openStream(coll, [], {
      fullDocument: "required",
      fullDocumentBeforeChange: "whenAvailable",
    });
    await coll.insertOne({ _id: 1, v: 1 });
    await coll.updateOne({ _id: 1 }, { $inc: { v: 1 } });
    await coll.updateOne({ _id: 1 }, { $inc: { v: 10 } });
    await coll.deleteOne({ _id: 1 });
    await coll.insertOne({ _id: 1, v: 100 });
    // Read only now: the lookup happens when the event is returned, as mongod does it.
    const l = await take(lookup, 5);
    const p = await take(post, 5);
    const r = await take(required, 5);
    await Promise.all([lookup.close(), post.close(), required.close()]);
    expect(l[1].fullDocument).toEqual({ _id: 1, v: 100 });
    expect(p.slice(1, 3).map((e) => e.fullDocument)).toEqual([
      { _id: 1, v: 2 },
      { _id: 1, v: 12 },
    ]);
    expect(r.slice(1, 3).map((e) => e.fullDocument)).toEqual([
      { _id: 1, v: 2 },
      { _id: 1, v: 12 },
    ]);
    expect(r.slice(1, 4).map((e) => e.fullDocumentBeforeChange)).toEqual([
      { _id: 1, v: 1 },
      { _id: 1, v: 2 },
      { _id: 1, v: 12 },
    ]);
    expect(r[0].fullDocumentBeforeChange).toBeUndefined();
    expect(p[1].fullDocumentBeforeChange).toBeUndefined();
  });

  it("applies later $match and $project stages", async () => {
    const coll = f.db.collection<AnyDoc>("filtered");
    const stream = await openStream(coll, [
      { $match: { operationType: "insert", "fullDocument.keep": true } },
      { $project: { operationType: 1, "fullDocument._id": 1 } },
    ]);
    const docs = Array.from({ length: 6 }, (_, i) => ({ _id: i, keep: i % 3 === 0 }));
    await coll.insertMany(docs);
    await coll.deleteMany({});
    await coll.insertOne({ _id: "last", keep: true });
    const kept = [...docs.filter((d) => d.keep).map((d) => d._id), "last"];
    const events = await take(stream, kept.length);
    await stream.close();
    expect(events.map((e) => e.fullDocument._id)).toEqual(kept);
    for (const e of events) expect(Object.keys(e).sort()).toEqual(["_id", "fullDocument", "operationType"]);
  });

  it("a stage that changes _id fails the stream with 280 ChangeStreamFatalError", async () => {
    const coll = f.db.collection<AnyDoc>("noid");
    const stream = await openStream(coll, [{ $project: { _id: 0 } }]);
    await coll.insertOne({ _id: 1 });
    await expect(stream.next()).rejects.toMatchObject({ code: 280 });
    await stream.close();
  });
});

describe("drop, rename and invalidate", () => {
  it("drop of the watched collection: drop, then invalidate, then the stream is closed", async () => {
    const coll = f.db.collection<AnyDoc>("dropped");
    await coll.insertOne({ _id: 1 });
    const stream = await openStream(coll);
    await coll.drop();
    const [drop, invalidate] = await take(stream, 2);
    expect(drop).toMatchObject({ operationType: "drop", ns: { db: f.db.databaseName, coll: "dropped" } });
    expect(invalidate.operationType).toBe("invalidate");
    expect(invalidate.clusterTime.equals(drop.clusterTime)).toBe(true);
    expect(invalidate._id._data).not.toBe(drop._id._data);
    expect(stream.closed).toBe(true);
  });

  it("rename of the watched collection: rename with `to`, then invalidate", async () => {
    const coll = f.db.collection<AnyDoc>("before");
    await coll.insertOne({ _id: 1 });
    const stream = await openStream(coll);
    await coll.rename("after");
    const [rename, invalidate] = await take(stream, 2);
    expect(rename).toMatchObject({
      operationType: "rename",
      ns: { db: f.db.databaseName, coll: "before" },
      to: { db: f.db.databaseName, coll: "after" },
    });
    expect(invalidate.operationType).toBe("invalidate");
    expect(stream.closed).toBe(true);
  });
});

describe("db.watch() and client.watch()", () => {
  it("db.watch() sees every collection of the database, then dropDatabase and invalidate", async () => {
    const other = f.t.client.db(`${f.db.databaseName}_other`);
    const stream = await openStream(f.db);
    await f.db.collection<AnyDoc>("a").insertOne({ _id: 1 });
    await other.collection<AnyDoc>("a").insertOne({ _id: 2 });
    await f.db.collection<AnyDoc>("b").insertOne({ _id: 3 });
    await f.db.dropDatabase();
    const events = await take(stream, 6);
    expect(events.map((e) => [e.operationType, e.ns])).toEqual([
      ["insert", { db: f.db.databaseName, coll: "a" }],
      ["insert", { db: f.db.databaseName, coll: "b" }],
      ["drop", { db: f.db.databaseName, coll: "a" }],
      ["drop", { db: f.db.databaseName, coll: "b" }],
      ["dropDatabase", { db: f.db.databaseName }],
      ["invalidate", undefined],
    ]);
    expect(stream.closed).toBe(true);
    await other.dropDatabase();
  });

  it("client.watch() sees every database but admin, config and local, and no system collections", async () => {
    const second = f.t.client.db(`${f.db.databaseName}_2`);
    const stream = await openStream(f.t.client);
    await f.t.client
      .db("admin")
      .collection<AnyDoc>("hidden")
      .insertOne({ _id: 1 })
      .catch(() => undefined);
    await f.db.command({ profile: 2 });
    await f.db.collection<AnyDoc>("x").insertOne({ _id: "one" });
    await f.db.command({ profile: 0 });
    await second.collection<AnyDoc>("y").insertOne({ _id: "two" });
    const events = await take(stream, 2);
    await stream.close();
    expect(events.map((e) => [e.ns, e.documentKey._id])).toEqual([
      [{ db: f.db.databaseName, coll: "x" }, "one"],
      [{ db: second.databaseName, coll: "y" }, "two"],
    ]);
  });
});

describe("refusals", () => {
  it("bad options and stages are refused with mongod's codes, and the engine keeps serving", async () => {
    const coll = f.db.collection<AnyDoc>("bad");
    const open = (pipeline: Document[], db = f.db, target: string | 1 = "bad") =>
      db.command({ aggregate: target, pipeline, cursor: {} });
    await expect(open([{ $changeStream: { fullDocument: "sometimes" } }])).rejects.toMatchObject({ code: 2 });
    await expect(open([{ $changeStream: { bogus: 1 } }])).rejects.toMatchObject({ code: 40415 });
    await expect(open([{ $changeStream: {} }, { $group: { _id: null } }])).rejects.toMatchObject({
      code: 20,
    });
    await expect(open([{ $changeStream: {} }, { $changeStream: {} }])).rejects.toMatchObject({ code: 40602 });
    await expect(open([{ $changeStream: { resumeAfter: { _data: "not a token" } } }])).rejects.toMatchObject({
      code: 260,
    });
    const admin = f.t.client.db("admin");
    await expect(open([{ $changeStream: {} }], admin, 1)).rejects.toMatchObject({ code: 73 });
    await expect(open([{ $changeStream: { allChangesForCluster: true } }])).rejects.toMatchObject({
      code: 73,
    });
    await coll.insertOne({ _id: 1 });
    expect(await coll.countDocuments()).toBe(1);
  });
});
