import { ObjectId, type Db } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASE_INDEX_KEYS, CASE_TEXT_FIELDS } from "../helpers/case-indexes";
import { startTestEngine, type TestEngine } from "./support/start-test-engine";

const DAY = 86_400_000;
const STATUSES = ["open", "in_progress", "resolved", "closed"];
const SEVERITIES = ["low", "medium", "high", "critical"];
const TYPES = ["cpu", "memory", "disk", "auth"];

/** A small deterministic generator so expectations are reproducible. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Case {
  _id: ObjectId;
  title: string;
  description: string;
  status: string;
  severity: string;
  priority?: string;
  assignee: string;
  tags: string[];
  created_at: Date;
  resolved_at?: Date;
}

interface Alert {
  _id: ObjectId;
  case_id: ObjectId;
  type: string;
  level?: string;
  severity?: string;
  resolved: boolean;
  timestamp: Date;
}

function groupCount<T>(items: T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return m;
}

describe("the gateway's data model", () => {
  let t: TestEngine;
  let db: Db;
  const now = Date.now();
  const rnd = lcg(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const cases: Case[] = Array.from({ length: 300 }, (_, i) => {
    const created = new Date(now - Math.floor(rnd() * 60 * DAY));
    const status = pick(STATUSES);
    const c: Case = {
      _id: new ObjectId(),
      title: `Case ${i}`,
      description: `Something happened on host ${i % 17}`,
      status,
      severity: pick(SEVERITIES),
      assignee: `user${i % 9}`,
      tags: [pick(TYPES), `team-${i % 4}`],
      created_at: created,
    };
    if (i % 5 !== 0) c.priority = pick(["low", "high"]);
    if (status === "resolved" || status === "closed")
      c.resolved_at = new Date(created.getTime() + Math.floor(rnd() * 5 * DAY));
    return c;
  });
  const alerts: Alert[] = Array.from({ length: 2000 }, () => ({
    _id: new ObjectId(),
    // Some alerts point at cases that do not exist (orphans).
    case_id: rnd() < 0.1 ? new ObjectId() : pick(cases)._id,
    type: pick(TYPES),
    level: pick(SEVERITIES),
    resolved: rnd() < 0.4,
    timestamp: new Date(now - Math.floor(rnd() * 14 * DAY)),
  }));
  const auditLogs = Array.from({ length: 500 }, (_, i) => ({
    _id: new ObjectId(),
    action: i % 2 === 0 ? "login" : "update",
    created_at: new Date(now - Math.floor(rnd() * 180 * DAY)),
  }));

  beforeAll(async () => {
    t = await startTestEngine();
    db = t.client.db("jupiter");
    await db
      .collection("cases")
      .createIndexes([
        ...CASE_INDEX_KEYS.map((key) => ({ key })),
        { key: Object.fromEntries(CASE_TEXT_FIELDS.map((field) => [field, "text"])) },
      ]);
    await db
      .collection("alerts")
      .createIndexes([
        { key: { timestamp: 1 } },
        { key: { case_id: 1 } },
        { key: { severity: 1, resolved: 1 } },
        { key: { resolved: 1, severity: 1 } },
        { key: { case_id: 1 }, name: "case_id_unresolved", partialFilterExpression: { resolved: false } },
      ]);
    await db.collection("users").createIndexes([{ key: { email: 1 }, unique: true }, { key: { role: 1 } }]);
    await db.collection("audit_logs").createIndex({ created_at: 1 }, { expireAfterSeconds: 7776000 });
    await db.collection("cases").insertMany(cases.map((c) => ({ ...c })));
    await db.collection("alerts").insertMany(alerts.map((a) => ({ ...a })));
    await db.collection("audit_logs").insertMany(auditLogs.map((a) => ({ ...a })));
    await db.collection("users").insertMany([
      { email: "ana@example.com", role: "admin" },
      { email: "bo@example.com", role: "analyst" },
    ]);
  });
  afterAll(async () => {
    await t.stop();
  });

  it("has the indexes the gateway creates", async () => {
    const names = async (c: string) => (await db.collection(c).listIndexes().toArray()).map((i) => i.name);
    expect(await names("cases")).toEqual([
      "_id_",
      "created_at_1",
      "status_1_severity_1",
      "status_1_created_at_-1",
      "assignee_1",
      "tags_1",
      "priority_1",
      "title_text_description_text_tags_text",
    ]);
    expect(await names("alerts")).toEqual([
      "_id_",
      "timestamp_1",
      "case_id_1",
      "severity_1_resolved_1",
      "resolved_1_severity_1",
      "case_id_unresolved",
    ]);
    expect(await names("users")).toEqual(["_id_", "email_1", "role_1"]);
    const audit = await db.collection("audit_logs").listIndexes().toArray();
    expect(audit[1]).toMatchObject({ key: { created_at: 1 }, expireAfterSeconds: 7776000 });
    const dup = await db
      .collection("users")
      .insertOne({ email: "ana@example.com", role: "x" })
      .catch((e: unknown) => e);
    expect((dup as { code?: number }).code).toBe(11000);
  });

  it("runs migration 001 (default priority) and 002 (rename level to severity)", async () => {
    const missing = cases.filter((c) => c.priority === undefined).length;
    const r1 = await db
      .collection("cases")
      .updateMany({ priority: { $exists: false } }, { $set: { priority: "medium" } });
    expect(r1.matchedCount).toBe(missing);
    expect(r1.modifiedCount).toBe(missing);
    expect(await db.collection("cases").countDocuments({ priority: "medium" })).toBe(missing);
    const again = await db
      .collection("cases")
      .updateMany({ priority: { $exists: false } }, { $set: { priority: "medium" } });
    expect(again.matchedCount).toBe(0);
    for (const c of cases) c.priority ??= "medium";

    const r2 = await db
      .collection("alerts")
      .updateMany({ level: { $exists: true } }, { $rename: { level: "severity" } });
    expect(r2.modifiedCount).toBe(alerts.length);
    expect(await db.collection("alerts").countDocuments({ level: { $exists: true } })).toBe(0);
    for (const a of alerts) {
      a.severity = a.level;
      delete a.level;
    }
    const critical = alerts.filter((a) => a.severity === "critical" && !a.resolved).length;
    expect(await db.collection("alerts").countDocuments({ severity: "critical", resolved: false })).toBe(
      critical,
    );
  });

  it("deletes audit logs older than 90 days", async () => {
    const cutoff = new Date(now - 90 * DAY);
    const old = auditLogs.filter((l) => l.created_at < cutoff).length;
    const r = await db.collection("audit_logs").deleteMany({ created_at: { $lt: cutoff } });
    expect(r.deletedCount).toBe(old);
    expect(await db.collection("audit_logs").countDocuments()).toBe(auditLogs.length - old);
  });

  it("computes case statistics by status and severity", async () => {
    const rows = await db
      .collection("cases")
      .aggregate([
        {
          $group: {
            _id: { status: "$status", severity: "$severity" },
            count: { $sum: 1 },
            avgResolutionMs: { $avg: { $subtract: ["$resolved_at", "$created_at"] } },
          },
        },
        { $sort: { "_id.status": 1, "_id.severity": 1 } },
      ])
      .toArray();
    const groups = new Map<string, Case[]>();
    for (const c of cases) {
      const k = `${c.status}|${c.severity}`;
      groups.set(k, [...(groups.get(k) ?? []), c]);
    }
    const expected = [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, cs]) => {
        const [status, severity] = k.split("|");
        const durations = cs
          .filter((c) => c.resolved_at)
          .map((c) => (c.resolved_at as Date).getTime() - c.created_at.getTime());
        return {
          _id: { status, severity },
          count: cs.length,
          avgResolutionMs: durations.length ? durations.reduce((s, d) => s + d, 0) / durations.length : null,
        };
      });
    expect(rows.length).toBe(expected.length);
    rows.forEach((row, i) => {
      expect(row._id).toEqual(expected[i]._id);
      expect(row.count).toBe(expected[i].count);
      if (expected[i].avgResolutionMs === null) expect(row.avgResolutionMs).toBeNull();
      else expect(row.avgResolutionMs).toBeCloseTo(expected[i].avgResolutionMs as number, 3);
    });
  });

  it("computes the alert trend of the last 7 days with $dateToString and with $dateTrunc", async () => {
    const since = new Date(now - 7 * DAY);
    const recent = alerts.filter((a) => a.timestamp >= since);
    const rows = await db
      .collection("alerts")
      .aggregate([
        { $match: { timestamp: { $gte: since } } },
        {
          $group: {
            _id: { day: { $dateToString: { format: "%Y-%m-%d", date: "$timestamp" } }, type: "$type" },
            count: { $sum: 1 },
          },
        },
      ])
      .toArray();
    const expected = groupCount(recent, (a) => `${a.timestamp.toISOString().slice(0, 10)}|${a.type}`);
    expect(new Map(rows.map((r) => [`${r._id.day}|${r._id.type}`, r.count]))).toEqual(expected);

    const tz = "America/New_York";
    const localDay = new Intl.DateTimeFormat("en-CA", {
      timeZone: tz,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    const localHour = new Intl.DateTimeFormat("en-CA", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
    });
    const weekday = new Intl.DateTimeFormat("en-US", { timeZone: tz, weekday: "short" });
    // The Monday starting a date's local week, as a local yyyy-mm-dd (calendar arithmetic, DST-free).
    const mondayOf = (d: Date) => {
      const back = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(weekday.format(d));
      const [y, m, dd] = localDay.format(d).split("-").map(Number);
      return new Date(Date.UTC(y, m - 1, dd) - back * DAY).toISOString().slice(0, 10);
    };
    for (const unit of ["day", "hour", "week"] as const) {
      const trunc = await db
        .collection("alerts")
        .aggregate([
          { $match: { timestamp: { $gte: since } } },
          {
            $group: {
              _id: {
                bucket: { $dateTrunc: { date: "$timestamp", unit, timezone: tz, startOfWeek: "monday" } },
                type: "$type",
              },
              count: { $sum: 1 },
            },
          },
        ])
        .toArray();
      // Buckets are compared by their local label (the bucket start read in New York time).
      const label = (d: Date) =>
        unit === "day" ? localDay.format(d) : unit === "hour" ? localHour.format(d) : mondayOf(d);
      const want = groupCount(recent, (a) => `${label(a.timestamp)}|${a.type}`);
      const got = new Map<string, number>();
      for (const r of trunc) {
        const bucket = r._id.bucket as Date;
        const key = `${unit === "week" ? localDay.format(bucket) : label(bucket)}|${r._id.type}`;
        got.set(key, (got.get(key) ?? 0) + r.count);
        if (unit !== "hour") {
          // A day/week bucket starts at local midnight.
          expect(localHour.format(bucket).endsWith(", 00")).toBe(true);
        }
        if (unit === "week") expect(weekday.format(bucket)).toBe("Mon");
      }
      expect(got).toEqual(want);
    }
  });

  it("archives resolved cases with $match + $merge into archived_cases", async () => {
    const resolved = cases.filter((c) => c.status === "resolved");
    const archive = () =>
      db
        .collection("cases")
        .aggregate([
          { $match: { status: "resolved" } },
          { $merge: { into: "archived_cases", whenMatched: "replace" } },
        ])
        .toArray();
    await archive();
    const archived = await db.collection("archived_cases").find().sort({ _id: 1 }).toArray();
    expect(archived.map((c) => c._id.toHexString())).toEqual(resolved.map((c) => c._id.toHexString()).sort());
    // Running it again is idempotent.
    await archive();
    expect(await db.collection("archived_cases").countDocuments()).toBe(resolved.length);
  });

  it("removes alerts whose case no longer exists with $nin of distinct _id", async () => {
    const caseIds = await db.collection("cases").distinct("_id");
    expect(caseIds.length).toBe(cases.length);
    const known = new Set(cases.map((c) => c._id.toHexString()));
    const orphans = alerts.filter((a) => !known.has(a.case_id.toHexString())).length;
    const r = await db.collection("alerts").deleteMany({ case_id: { $nin: caseIds } });
    expect(r.deletedCount).toBe(orphans);
    expect(await db.collection("alerts").countDocuments()).toBe(alerts.length - orphans);
    const someCase = cases[7]._id;
    const unresolved = alerts.filter((a) => a.case_id.equals(someCase) && !a.resolved).length;
    expect(await db.collection("alerts").countDocuments({ case_id: someCase, resolved: false })).toBe(
      unresolved,
    );
  });
});
