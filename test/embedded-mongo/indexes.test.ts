import { MongoBulkWriteError, MongoServerError, type Db, type Document } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { useTestEngine } from "./support/use-test-engine";

async function explainFind(db: Db, coll: string, filter: Document, extra: Document = {}): Promise<Document> {
  return db.command({ explain: { find: coll, filter, ...extra }, verbosity: "executionStats" });
}

function scanStage(explain: Document): Document {
  let stage = explain.queryPlanner.winningPlan;
  while (stage.inputStage) stage = stage.inputStage;
  return stage;
}

describe("indexes", () => {
  const engine = useTestEngine("idx");

  it("rejects duplicates on unique indexes with code 11000, keyPattern and keyValue", async () => {
    const users = engine.db.collection<AnyDoc>("users");
    expect(await users.createIndex({ email: 1 }, { unique: true })).toBe("email_1");
    await users.insertOne({ email: "a@x.io" });
    const err = await users.insertOne({ email: "a@x.io" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    const e = err as MongoServerError;
    expect(e.code).toBe(11000);
    expect(e.errmsg).toContain("E11000 duplicate key error");
    expect(e.errmsg).toContain("email_1");
    expect(e.keyPattern).toEqual({ email: 1 });
    expect(e.keyValue).toEqual({ email: "a@x.io" });
    const idErr = await users
      .insertOne({ _id: (await users.findOne({}))?._id, email: "b@x.io" })
      .catch((x: unknown) => x);
    expect((idErr as MongoServerError).code).toBe(11000);
    expect((idErr as MongoServerError).keyPattern).toEqual({ _id: 1 });
    await users.insertOne({ email: "b@x.io" });
    const upd = await users
      .updateOne({ email: "b@x.io" }, { $set: { email: "a@x.io" } })
      .catch((x: unknown) => x);
    expect((upd as MongoServerError).code).toBe(11000);
    expect(await users.countDocuments({ email: "b@x.io" })).toBe(1);
  });

  it("reports every failing document of an unordered insertMany in writeErrors", async () => {
    const coll = engine.db.collection<AnyDoc>("u");
    await coll.createIndex({ k: 1 }, { unique: true });
    const err = await coll
      .insertMany([{ k: 1 }, { k: 1 }, { k: 2 }, { k: 2 }], { ordered: false })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoBulkWriteError);
    const b = err as MongoBulkWriteError;
    expect(b.insertedCount).toBe(2);
    const writeErrors = Array.isArray(b.writeErrors) ? b.writeErrors : [b.writeErrors];
    expect(writeErrors.map((w) => [w.index, w.code])).toEqual([
      [1, 11000],
      [3, 11000],
    ]);
  });

  it("honours partialFilterExpression and sparse on unique indexes", async () => {
    const alerts = engine.db.collection<AnyDoc>("alerts");
    await alerts.createIndex({ case_id: 1 }, { unique: true, partialFilterExpression: { resolved: false } });
    await alerts.insertMany([
      { case_id: 1, resolved: false },
      { case_id: 1, resolved: true },
      { case_id: 1, resolved: true },
    ]);
    const err = await alerts.insertOne({ case_id: 1, resolved: false }).catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(11000);
    await alerts.updateOne({ case_id: 1, resolved: false }, { $set: { resolved: true } });
    await alerts.insertOne({ case_id: 1, resolved: false });
    expect(await alerts.countDocuments({ case_id: 1 })).toBe(4);
    const sparse = engine.db.collection<AnyDoc>("sparse");
    await sparse.createIndex({ code: 1 }, { unique: true, sparse: true });
    await sparse.insertMany([{ a: 1 }, { a: 2 }, { code: "x" }]);
    const e2 = await sparse.insertOne({ code: "x" }).catch((e: unknown) => e);
    expect((e2 as MongoServerError).code).toBe(11000);
    const nonSparse = engine.db.collection<AnyDoc>("nonsparse");
    await nonSparse.createIndex({ code: 1 }, { unique: true });
    await nonSparse.insertOne({ a: 1 });
    const e3 = await nonSparse.insertOne({ a: 2 }).catch((e: unknown) => e);
    expect((e3 as MongoServerError).keyValue).toEqual({ code: null });
  });

  it("fails a unique index build over duplicate data", async () => {
    const coll = engine.db.collection<AnyDoc>("dups");
    await coll.insertMany([{ k: 1 }, { k: 1 }]);
    const err = await coll.createIndex({ k: 1 }, { unique: true }).catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(11000);
    expect((await coll.listIndexes().toArray()).map((i) => i.name)).toEqual(["_id_"]);
  });

  it("requires hint to name an existing index, by name or key pattern", async () => {
    const coll = engine.db.collection<AnyDoc>("h");
    await coll.insertMany([
      { a: 1, b: 1 },
      { a: 2, b: 2 },
    ]);
    await coll.createIndex({ a: 1 });
    for (const hint of ["nope_1", { nope: 1 }, { a: -1 }]) {
      const err = await coll
        .find({})
        .hint(hint)
        .toArray()
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MongoServerError);
      expect((err as MongoServerError).code).toBe(2);
      expect((err as MongoServerError).codeName).toBe("BadValue");
      expect((err as MongoServerError).errmsg).toBe("hint provided does not correspond to an existing index");
    }
    expect(await coll.find({ b: 2 }).hint("a_1").toArray()).toHaveLength(1);
    expect(await coll.find({ b: 2 }).hint({ a: 1 }).toArray()).toHaveLength(1);
    const explain = await explainFind(engine.db, "h", { b: 2 }, { hint: { a: 1 } });
    expect(scanStage(explain)).toMatchObject({ stage: "IXSCAN", indexName: "a_1" });
    const natural = await explainFind(engine.db, "h", { a: 2 }, { hint: { $natural: 1 } });
    expect(scanStage(natural).stage).toBe("COLLSCAN");
    const countErr = await coll.countDocuments({}, { hint: "zzz" }).catch((e: unknown) => e);
    expect((countErr as MongoServerError).code).toBe(2);
  });

  it("names indexes as mongod does and treats re-creation and conflicts like mongod", async () => {
    const coll = engine.db.collection<AnyDoc>("n");
    expect(await coll.createIndex({ status: 1, created_at: -1 })).toBe("status_1_created_at_-1");
    expect(await coll.createIndex({ status: 1, created_at: -1 })).toBe("status_1_created_at_-1");
    const sameNameOtherKey = await coll
      .createIndex({ other: 1 }, { name: "status_1_created_at_-1" })
      .catch((e: unknown) => e);
    expect((sameNameOtherKey as MongoServerError).code).toBe(86);
    expect((sameNameOtherKey as MongoServerError).codeName).toBe("IndexKeySpecsConflict");
    const sameKeyOtherOptions = await coll
      .createIndex({ status: 1, created_at: -1 }, { unique: true })
      .catch((e: unknown) => e);
    expect((sameKeyOtherOptions as MongoServerError).code).toBe(85);
    expect((sameKeyOtherOptions as MongoServerError).codeName).toBe("IndexOptionsConflict");
    const sameKeyOtherName = await coll
      .createIndex({ status: 1, created_at: -1 }, { name: "x" })
      .catch((e: unknown) => e);
    expect((sameKeyOtherName as MongoServerError).code).toBe(85);
    await coll.dropIndex("status_1_created_at_-1");
    const notFound = await coll.dropIndex("status_1_created_at_-1").catch((e: unknown) => e);
    expect((notFound as MongoServerError).code).toBe(27);
    const idDrop = await coll.dropIndex("_id_").catch((e: unknown) => e);
    expect((idDrop as MongoServerError).code).toBe(72);
  });

  it("counts index accesses for $indexStats", async () => {
    const coll = engine.db.collection<AnyDoc>("stats");
    await coll.insertMany(Array.from({ length: 20 }, (_, i) => ({ k: i })));
    await coll.createIndex({ k: 1 });
    for (let i = 0; i < 3; i++) await coll.findOne({ k: i });
    const stats = await coll.aggregate([{ $indexStats: {} }, { $sort: { name: 1 } }]).toArray();
    expect(stats.map((s) => [s.name, Number(s.accesses.ops)])).toEqual([
      ["_id_", 0],
      ["k_1", 3],
    ]);
    expect(stats[1].accesses.since).toBeInstanceOf(Date);
    expect(stats[1].key).toEqual({ k: 1 });
  });

  it("changes TTL and hides indexes with collMod", async () => {
    const logs = engine.db.collection<AnyDoc>("logs");
    await logs.insertMany([{ at: new Date(1) }, { at: new Date(2) }]);
    await logs.createIndex({ at: 1 }, { expireAfterSeconds: 60 });
    const r = await engine.db.command({
      collMod: "logs",
      index: { keyPattern: { at: 1 }, expireAfterSeconds: 120 },
    });
    expect(r).toMatchObject({ ok: 1, expireAfterSeconds_old: 60, expireAfterSeconds_new: 120 });
    await engine.db.command({ collMod: "logs", index: { name: "at_1", hidden: true } });
    const list = await logs.listIndexes().toArray();
    expect(list[1]).toEqual({ v: 2, key: { at: 1 }, name: "at_1", expireAfterSeconds: 120, hidden: true });
    const ex = await explainFind(engine.db, "logs", { at: new Date(1) });
    expect(scanStage(ex).stage).toBe("COLLSCAN");
    const hinted = await logs
      .find({})
      .hint("at_1")
      .toArray()
      .catch((e: unknown) => e);
    expect((hinted as MongoServerError).code).toBe(2);
    await engine.db.command({
      collMod: "logs",
      validator: { at: { $type: "date" } },
      validationLevel: "strict",
    });
    const [info] = await engine.db.listCollections({ name: "logs" }, { nameOnly: false }).toArray();
    expect(info.options).toMatchObject({ validator: { at: { $type: "date" } }, validationLevel: "strict" });
  });

  it("lists text and TTL indexes as mongod does", async () => {
    const cases = engine.db.collection<AnyDoc>("cases");
    await cases.createIndex({ title: "text", description: "text", tags: "text" });
    await engine.db
      .collection<AnyDoc>("audit_logs")
      .createIndex({ created_at: 1 }, { expireAfterSeconds: 7776000 });
    const list = await cases.listIndexes().toArray();
    expect(list[1]).toEqual({
      v: 2,
      key: { _fts: "text", _ftsx: 1 },
      name: "title_text_description_text_tags_text",
      weights: { description: 1, tags: 1, title: 1 },
      default_language: "english",
      language_override: "language",
      textIndexVersion: 3,
    });
    const ttl = await engine.db.collection<AnyDoc>("audit_logs").listIndexes().toArray();
    expect(ttl[1]).toEqual({
      v: 2,
      key: { created_at: 1 },
      name: "created_at_1",
      expireAfterSeconds: 7776000,
    });
  });

  it("uses indexes for equality, ranges, $in, sort and compound prefixes", async () => {
    const coll = engine.db.collection<AnyDoc>("cases");
    const statuses = ["open", "closed", "pending"];
    const docs = Array.from({ length: 3000 }, (_, i) => ({
      _id: i,
      status: statuses[i % 3],
      severity: i % 5,
      created_at: new Date(Date.UTC(2024, 0, 1) + i * 60_000),
      tags: [`t${i % 7}`, `u${i % 11}`],
    }));
    await coll.insertMany(docs);
    await coll.createIndexes([
      { key: { created_at: 1 } },
      { key: { status: 1, severity: 1 } },
      { key: { status: 1, created_at: -1 } },
      { key: { tags: 1 } },
    ]);
    const eq = await explainFind(engine.db, "cases", { status: "open", severity: 2 });
    const eqExpected = docs.filter((d) => d.status === "open" && d.severity === 2).length;
    expect(scanStage(eq)).toMatchObject({ stage: "IXSCAN", indexName: "status_1_severity_1" });
    expect(eq.executionStats.nReturned).toBe(eqExpected);
    expect(eq.executionStats.totalDocsExamined).toBe(eqExpected);
    const lo = new Date(Date.UTC(2024, 0, 1) + 100 * 60_000);
    const hi = new Date(Date.UTC(2024, 0, 1) + 200 * 60_000);
    const range = await explainFind(engine.db, "cases", { created_at: { $gte: lo, $lt: hi } });
    expect(scanStage(range)).toMatchObject({ stage: "IXSCAN", indexName: "created_at_1" });
    expect(range.executionStats.totalDocsExamined).toBe(100);
    expect(await coll.countDocuments({ created_at: { $gte: lo, $lt: hi } })).toBe(100);
    const inQuery = await explainFind(engine.db, "cases", {
      status: { $in: ["open", "pending"] },
      severity: { $in: [1, 3] },
    });
    const inExpected = docs.filter(
      (d) => d.status !== "closed" && (d.severity === 1 || d.severity === 3),
    ).length;
    expect(inQuery.executionStats.nReturned).toBe(inExpected);
    expect(inQuery.executionStats.totalDocsExamined).toBe(inExpected);
    // Equality on status plus sort on created_at descending: served by {status:1, created_at:-1}.
    const sorted = await explainFind(
      engine.db,
      "cases",
      { status: "closed" },
      { sort: { created_at: -1 }, limit: 5 },
    );
    expect(scanStage(sorted)).toMatchObject({ stage: "IXSCAN", indexName: "status_1_created_at_-1" });
    expect(sorted.executionStats.totalDocsExamined).toBe(5);
    const top5 = await coll.find({ status: "closed" }).sort({ created_at: -1 }).limit(5).toArray();
    const top5Expected = docs
      .filter((d) => d.status === "closed")
      .sort((a, b) => b.created_at.getTime() - a.created_at.getTime())
      .slice(0, 5)
      .map((d) => d._id);
    expect(top5.map((d) => d._id)).toEqual(top5Expected);
    const backwards = await coll.find({}).sort({ created_at: -1 }).limit(3).toArray();
    expect(backwards.map((d) => d._id)).toEqual([2999, 2998, 2997]);
    // Multikey: each array element is indexed.
    const multi = await explainFind(engine.db, "cases", { tags: "t3" });
    expect(scanStage(multi)).toMatchObject({ stage: "IXSCAN", indexName: "tags_1", isMultiKey: true });
    expect(multi.executionStats.nReturned).toBe(docs.filter((d) => d.tags.includes("t3")).length);
    const multiRange = await coll.countDocuments({ tags: { $gte: "u9", $lte: "u9~" } });
    expect(multiRange).toBe(docs.filter((d) => d.tags.some((x) => x >= "u9" && x <= "u9~")).length);
    const scan = await explainFind(engine.db, "cases", { severity: 4 });
    expect(scanStage(scan).stage).toBe("COLLSCAN");
    expect(scan.executionStats.totalDocsExamined).toBe(3000);
  });

  it("indexes dotted paths and compound descending keys, and keeps them in sync with updates and deletes", async () => {
    const coll = engine.db.collection<AnyDoc>("nested");
    await coll.createIndex({ "owner.id": 1, rank: -1 });
    await coll.insertMany(
      Array.from({ length: 200 }, (_, i) => ({ _id: i, owner: { id: i % 10 }, rank: i })),
    );
    await coll.updateMany({ "owner.id": 3 }, { $inc: { rank: 1000 } });
    await coll.deleteMany({ "owner.id": 4 });
    const got = await coll.find({ "owner.id": 3 }).sort({ rank: -1 }).toArray();
    expect(got.map((d) => d.rank)).toEqual(
      Array.from({ length: 200 }, (_, i) => i)
        .filter((i) => i % 10 === 3)
        .map((i) => i + 1000)
        .sort((a, b) => b - a),
    );
    const ex = await explainFind(engine.db, "nested", { "owner.id": 3, rank: { $gt: 1100 } });
    expect(scanStage(ex)).toMatchObject({ stage: "IXSCAN", indexName: "owner.id_1_rank_-1" });
    expect(ex.executionStats.totalDocsExamined).toBe(ex.executionStats.nReturned);
    expect(await coll.countDocuments({ "owner.id": 4 })).toBe(0);
  });

  it("keeps an indexed lookup fast on a large collection", async () => {
    const coll = engine.db.collection<AnyDoc>("big");
    await coll.createIndex({ case_id: 1 });
    const n = 200_000;
    for (let start = 0; start < n; start += 20_000) {
      await coll.insertMany(
        Array.from({ length: 20_000 }, (_, j) => ({ case_id: (start + j) % 5000, i: start + j })),
      );
    }
    for (let k = 0; k < 200; k++) {
      const rows = await coll.find({ case_id: k * 7 }).toArray();
      expect(rows).toHaveLength(n / 5000);
    }
    // Fast is shown by the work done, not by a stopwatch: every lookup reads its 40
    // index keys and 40 documents out of 200,000, whatever else the machine is doing.
    for (const caseId of [0, 42, 4999]) {
      const ex = await explainFind(engine.db, "big", { case_id: caseId });
      expect(scanStage(ex)).toMatchObject({ stage: "IXSCAN", indexName: "case_id_1" });
      expect(ex.executionStats.totalKeysExamined).toBe(n / 5000);
      expect(ex.executionStats.totalDocsExamined).toBe(n / 5000);
      expect(ex.executionStats.nReturned).toBe(n / 5000);
    }
  });
});
