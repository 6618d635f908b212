import type { Db } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { startTestEngine, type TestEngine } from "./support/start-test-engine";

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("TTL indexes", () => {
  let t: TestEngine;
  let db: Db;
  beforeAll(async () => {
    t = await startTestEngine();
    db = t.client.db("ttl_test");
  });
  afterAll(async () => {
    const admin = t.client.db("admin");
    await admin.command({ setParameter: 1, ttlMonitorSleepSecs: 60 });
    await t.stop();
  });

  it("expires documents after setParameter ttlMonitorSleepSecs: 1, and honours collMod", async () => {
    const admin = t.client.db("admin");
    expect((await admin.command({ getParameter: 1, ttlMonitorSleepSecs: 1 })).ttlMonitorSleepSecs).toBe(60);
    await admin.command({ setParameter: 1, ttlMonitorSleepSecs: 1 });
    expect((await admin.command({ getParameter: 1, ttlMonitorSleepSecs: 1 })).ttlMonitorSleepSecs).toBe(1);
    const sessions = db.collection<AnyDoc>("sessions");
    const now = Date.now();
    await sessions.createIndex({ seenAt: 1 }, { expireAfterSeconds: 3600 });
    await sessions.insertMany([
      { _id: "old", seenAt: new Date(now - 2 * 3600_000) },
      { _id: "fresh", seenAt: new Date(now) },
      { _id: "tenMinutes", seenAt: new Date(now - 600_000) },
      { _id: "array", seenAt: [new Date(now), new Date(now - 3 * 3600_000)] },
      { _id: "notADate", seenAt: "yesterday" },
    ]);
    const before = (await admin.command({ serverStatus: 1 })).metrics.ttl;
    await waitFor(async () => (await sessions.countDocuments({ _id: { $in: ["old", "array"] } })) === 0);
    const ids = (await sessions.find().toArray()).map((d) => d._id).sort();
    expect(ids).toEqual(["fresh", "notADate", "tenMinutes"]);
    const after = (await admin.command({ serverStatus: 1 })).metrics.ttl;
    expect(after.passes).toBeGreaterThan(before.passes);
    expect(after.deletedDocuments - before.deletedDocuments).toBe(2);

    const r = await db.command({
      collMod: "sessions",
      index: { keyPattern: { seenAt: 1 }, expireAfterSeconds: 60 },
    });
    expect(r.expireAfterSeconds_new).toBe(60);
    await waitFor(async () => (await sessions.countDocuments({ _id: "tenMinutes" })) === 0);
    expect((await sessions.find().toArray()).map((d) => d._id).sort()).toEqual(["fresh", "notADate"]);
  });
});
