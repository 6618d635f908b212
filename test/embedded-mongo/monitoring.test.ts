import type { Db } from "mongodb";
import { beforeEach, describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { useTestEngine } from "./support/use-test-engine";

describe("profiler and monitoring", () => {
  const engine = useTestEngine("mon");
  let db: Db;
  beforeEach(async () => {
    db = engine.db;
    const alerts = db.collection<AnyDoc>("alerts");
    await alerts.createIndex({ case_id: 1 });
    await alerts.insertMany(Array.from({ length: 300 }, (_, i) => ({ _id: i, case_id: i % 10, n: i })));
  });

  it("profile levels: reads, sets, and writes entries to system.profile", async () => {
    expect(await db.command({ profile: -1 })).toMatchObject({ was: 0, slowms: 100, sampleRate: 1, ok: 1 });
    expect(await db.command({ profile: 2, slowms: 0 })).toMatchObject({ was: 0, ok: 1 });
    expect(await db.command({ profile: -1 })).toMatchObject({ was: 2, slowms: 0 });
    const alerts = db.collection<AnyDoc>("alerts");
    await alerts.find({ case_id: 3 }).toArray();
    await alerts
      .aggregate([{ $match: { n: { $gte: 0 } } }, { $group: { _id: "$case_id", total: { $sum: "$n" } } }])
      .toArray();
    await alerts.insertOne({ _id: 1000, case_id: 1 });
    await db.command({ profile: 0 });
    const entries = await db.collection<AnyDoc>("system.profile").find().sort({ ts: 1 }).toArray();
    const find = entries.find((e) => e.op === "query");
    expect(find).toMatchObject({
      ns: `${db.databaseName}.alerts`,
      keysExamined: 30,
      docsExamined: 30,
      nreturned: 30,
      planSummary: "IXSCAN { case_id: 1 }",
    });
    expect(find.command.filter).toEqual({ case_id: 3 });
    expect(typeof find.millis).toBe("number");
    expect(find.ts).toBeInstanceOf(Date);
    const agg = entries.find((e) => e.op === "command" && e.command.aggregate === "alerts");
    expect(agg).toMatchObject({ planSummary: "COLLSCAN", docsExamined: 300 });
    expect(entries.some((e) => e.op === "insert")).toBe(true);
    // Level 1 with a high slowms records nothing.
    const before = entries.length;
    await db.command({ profile: 1, slowms: 10_000 });
    await alerts.find({ case_id: 3 }).toArray();
    expect(await db.collection("system.profile").countDocuments()).toBe(before);
  });

  it("$indexStats counts rise with use", async () => {
    const alerts = db.collection<AnyDoc>("alerts");
    const ops = async () => {
      const stats = await alerts.aggregate([{ $indexStats: {} }]).toArray();
      const s = stats.find((x) => x.name === "case_id_1") as AnyDoc;
      expect(s.key).toEqual({ case_id: 1 });
      expect(s.accesses.since).toBeInstanceOf(Date);
      expect(typeof s.host).toBe("string");
      return Number(s.accesses.ops);
    };
    const before = await ops();
    await alerts.find({ case_id: 1 }).toArray();
    await alerts.countDocuments({ case_id: 2 });
    expect(await ops()).toBe(before + 2);
  });

  it("$collStats count and storageStats", async () => {
    const [row] = await db
      .collection("alerts")
      .aggregate([{ $collStats: { count: {}, storageStats: {} } }])
      .toArray();
    expect(row.ns).toBe(`${db.databaseName}.alerts`);
    expect(row.count).toBe(300);
    expect(row.storageStats).toMatchObject({ count: 300, nindexes: 2 });
    expect(row.storageStats.size).toBeGreaterThan(0);
    expect(row.storageStats.totalIndexSize).toBeGreaterThan(0);
    expect(Object.keys(row.storageStats.indexSizes).sort()).toEqual(["_id_", "case_id_1"]);
    expect(row.storageStats.storageSize).toBeGreaterThan(0);
  });

  it("$currentOp and currentOp show the running operation", async () => {
    const admin = engine.t.client.db("admin");
    const ops = await admin
      .aggregate([{ $currentOp: { allUsers: true, idleConnections: false } }, { $match: { active: true } }])
      .toArray();
    const self = ops.find(
      (o) => Array.isArray(o.command?.pipeline) && "$currentOp" in o.command.pipeline[0],
    ) as AnyDoc;
    expect(self).toMatchObject({ active: true, op: "command", ns: "admin.$cmd" });
    expect(typeof self.opid).toBe("number");
    expect(self.secs_running).toBe(0);
    expect(typeof self.microsecs_running).toBe("number");
    // A pipeline left half-read (the engine runs one command at a time, so an operation "in progress"
    // between batches is an open cursor): listed with idleCursors: true.
    const cursor = db
      .collection<AnyDoc>("alerts")
      .aggregate([{ $match: { n: { $gte: 0 } } }], { batchSize: 2 });
    await cursor.next();
    const idle = await admin
      .aggregate([{ $currentOp: { idleCursors: true } }, { $match: { type: "idleCursor" } }])
      .toArray();
    expect(idle.some((o) => o.ns === `${db.databaseName}.alerts`)).toBe(true);
    await cursor.close();
    const r = await admin.command({ currentOp: 1 });
    expect(r.inprog.some((o: AnyDoc) => o.command?.currentOp === 1)).toBe(true);
  });

  it("validate and compact answer as for a healthy collection", async () => {
    const v = await db.command({ validate: "alerts" });
    expect(v).toMatchObject({
      ns: `${db.databaseName}.alerts`,
      valid: true,
      nrecords: 300,
      nIndexes: 2,
      keysPerIndex: { _id_: 300, case_id_1: 300 },
      warnings: [],
      errors: [],
    });
    expect(v.indexDetails.case_id_1.valid).toBe(true);
    expect(await db.command({ compact: "alerts" })).toMatchObject({ bytesFreed: 0, ok: 1 });
  });

  it("explain names the index a filter uses, with execution stats", async () => {
    const alerts = db.collection<AnyDoc>("alerts");
    const e = await alerts.find({ case_id: 4 }).explain("executionStats");
    expect(e.queryPlanner.winningPlan.inputStage.stage).toBe("IXSCAN");
    expect(e.queryPlanner.winningPlan.inputStage.indexName).toBe("case_id_1");
    expect(e.executionStats).toMatchObject({ nReturned: 30, totalKeysExamined: 30, totalDocsExamined: 30 });
    const a = await alerts.aggregate([{ $match: { n: { $lt: 5 } } }]).explain("executionStats");
    expect(a.queryPlanner.winningPlan.stage).toBe("COLLSCAN");
    expect(a.executionStats.totalDocsExamined).toBe(300);
  });
});
