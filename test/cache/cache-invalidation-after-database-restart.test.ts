import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EngineProcess, freePort, startEngineProcess } from "../helpers/engine-process";
import type { TestDatabase } from "../helpers/test-database";
import { startTestGateway, type TestGateway } from "../helpers/test-gateway";

/**
 * The response cache learns about writes made around the gateway from a change stream. The
 * database (an engine process keeping only HISTORY change events) is killed by its PID while
 * more writes than that are made out of the gateway's sight, then started again on the same
 * port and data: the stream cannot resume (ChangeStreamHistoryLost), so the cache must drop
 * what it holds and watch afresh. The TTL is an hour on a frozen clock: only invalidation can
 * make new counts appear.
 */
const DB_NAME = "cache_restart";
const HISTORY = 5;
const QUERY = `{ alertSeverityBreakdown(resolved: false) { severity count } }`;

let dataDir: string;
let port: number;
let engine: EngineProcess;
let gateway: TestGateway;

const alert = (message: string) => ({
  type: "disk",
  source: "outside",
  severity: "high",
  message,
  timestamp: new Date(),
  case_id: null,
  resolved: false,
  resolution: null,
});

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jupiter-cache-restart-"));
  port = await freePort();
  engine = await startEngineProcess(port, dataDir, ["--change-history", String(HISTORY)]);
  const frozen = Date.now();
  gateway = await startTestGateway({ uri: engine.uri, dbName: DB_NAME } as TestDatabase, {
    cache: { maxBytes: 1 << 20, ttlAnalyticsSeconds: 3_600, ttlEntitySeconds: 0, now: () => frozen },
  });
});

afterAll(async () => {
  await gateway?.stop();
  await engine?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const total = async (): Promise<{ count: number; hit: boolean }> => {
  const result = await gateway.graphql<{ alertSeverityBreakdown: { count: number }[] }>(QUERY);
  expect(result.errors).toBeUndefined();
  return {
    count: result.data!.alertSeverityBreakdown.reduce((sum, row) => sum + row.count, 0),
    hit: (result.body.extensions as { cache: { hit: boolean } }).cache.hit,
  };
};

/** Asks until the answer counts `expected` alerts (events arrive asynchronously); the last answer. */
async function untilCount(expected: number): Promise<{ count: number; hit: boolean }> {
  let seen = await total().catch(() => ({ count: -1, hit: false }));
  for (let attempt = 0; seen.count !== expected && attempt < 600; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    seen = await total().catch(() => ({ count: -1, hit: false }));
  }
  return seen;
}

describe("the response cache across a database restart that lost change history", () => {
  it("drops its results and keeps invalidating on writes made around the gateway", async () => {
    const direct = await MongoClient.connect(engine.uri);
    await direct
      .db(DB_NAME)
      .collection("alerts")
      .insertMany([alert("before 1"), alert("before 2")]);
    await direct.close();
    expect(await total()).toEqual({ count: 2, hit: false });
    expect(await total()).toEqual({ count: 2, hit: true });

    await engine.kill();
    const elsewhere = await startEngineProcess(await freePort(), dataDir, [
      "--change-history",
      String(HISTORY),
    ]);
    const away = await MongoClient.connect(elsewhere.uri);
    await away
      .db(DB_NAME)
      .collection("alerts")
      .insertMany(Array.from({ length: 2 * HISTORY }, (_, k) => alert(`away ${k}`)));
    await away.close();
    await elsewhere.kill();
    engine = await startEngineProcess(port, dataDir, ["--change-history", String(HISTORY)]);

    const after = await MongoClient.connect(engine.uri);
    try {
      const alerts = after.db(DB_NAME).collection("alerts");
      expect(await untilCount(await alerts.countDocuments({ resolved: false }))).toMatchObject({
        count: 2 + 2 * HISTORY,
      });
      // The stream reopened afresh: later writes still invalidate.
      await alerts.insertOne(alert("after the restart"));
      expect(await untilCount(await alerts.countDocuments({ resolved: false }))).toMatchObject({
        count: 3 + 2 * HISTORY,
      });
    } finally {
      await after.close();
    }
  });
});
