import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { loadConfig } from "../../src/config";
import type { CaseDocument } from "../../src/db/case.document";
import { type EngineProcess, freePort, startEngineProcess } from "../helpers/engine-process";
import { expectedCaseStatistics } from "../helpers/expected-case-statistics";
import { type LiveClient, openLiveClient } from "../helpers/live-client";
import type { TestDatabase } from "../helpers/test-database";
import { startTestGateway, type TestGateway } from "../helpers/test-gateway";
import { signTestJwt } from "../helpers/test-jwt";

// The engine keeps only HISTORY change events (`--change-history`). While the gateway cannot
// reach it, more changes than that are made, so its resume token falls out of the history:
// resuming fails with ChangeStreamHistoryLost (286), and the gateway must recompute every live
// result once instead of missing those changes.
const DB_NAME = "live_history_restart";
const HISTORY = 5;
const EVENT_WAIT_MS = 60_000;

let dataDir: string;
let port: number;
let engine: EngineProcess;
let gateway: TestGateway;
let live: LiveClient | undefined;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jupiter-history-restart-"));
  port = await freePort();
  engine = await startEngineProcess(port, dataDir, ["--change-history", String(HISTORY)]);
  gateway = await startTestGateway({ uri: engine.uri, dbName: DB_NAME } as TestDatabase, {
    live: { ...loadConfig({}).live, source: "change-stream", minIntervalMs: 100 },
  });
});

afterAll(async () => {
  await live?.dispose();
  await gateway?.stop();
  await engine?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const alert = (message: string) => ({
  type: "lost",
  source: "test",
  severity: "low",
  message,
  timestamp: new Date(),
  case_id: null,
  resolved: false,
  resolution: null,
});

const aCase = (title: string): Omit<CaseDocument, "_id"> => ({
  title,
  description: "",
  severity: "high" as CaseDocument["severity"],
  status: "open" as CaseDocument["status"],
  priority: "medium" as CaseDocument["priority"],
  assignee: null,
  created_at: new Date(),
  updated_at: new Date(),
  resolved_at: null,
  tags: [],
  metadata: {},
});

/** Recomputations of live results: the gateway's aggregations of a collection, change streams aside. */
const recomputationsOf = (collection: string): number =>
  gateway.commands.filter(
    (event) =>
      event.commandName === "aggregate" &&
      event.command.aggregate === collection &&
      !(Array.isArray(event.command.pipeline) && "$changeStream" in (event.command.pipeline[0] as object)),
  ).length;

const total = (result: { data?: any }) =>
  (result.data.alertTrendsLive as { count: number }[]).reduce((sum, point) => sum + point.count, 0);
const statistics = (result: { data?: any }) =>
  (result.data.caseStatisticsLive as { status: string; severity: string; count: number }[]).map(
    ({ status, severity, count }) => ({ status, severity, count }),
  );

describe("change stream history lost across a database restart", () => {
  it("recomputes every live result once, so the changes the gateway missed still show", async () => {
    live = openLiveClient(gateway.url, { authorization: `Bearer ${await signTestJwt(UserRole.ANALYST)}` });
    const trend = live.subscribe(
      `subscription { alertTrendsLive(types: ["lost"], fillGaps: false) { count } }`,
    );
    const cases = live.subscribe(`subscription { caseStatisticsLive { status severity count } }`);
    expect((await trend.next(EVENT_WAIT_MS)).data).toEqual({ alertTrendsLive: [] });
    expect((await cases.next(EVENT_WAIT_MS)).data).toEqual({ caseStatisticsLive: [] });

    await engine.kill();
    gateway.resetCommands();
    // On another port, out of the gateway's sight: more changes than the history keeps.
    const elsewhere = await startEngineProcess(await freePort(), dataDir, [
      "--change-history",
      String(HISTORY),
    ]);
    const away = await MongoClient.connect(elsewhere.uri);
    for (let k = 0; k < 4 * HISTORY; k++)
      await away
        .db(DB_NAME)
        .collection("alerts")
        .insertOne(alert(`away ${k}`));
    await away.db(DB_NAME).collection("cases").insertOne(aCase("opened while the gateway was away"));
    await away.close();
    await elsewhere.kill();
    engine = await startEngineProcess(port, dataDir, ["--change-history", String(HISTORY)]);

    const direct = await MongoClient.connect(engine.uri);
    try {
      const alerts = direct.db(DB_NAME).collection("alerts");
      expect(await alerts.countDocuments({ type: "lost" })).toBe(4 * HISTORY);
      let latestTrend = await trend.next(EVENT_WAIT_MS);
      while (total(latestTrend) < 4 * HISTORY) latestTrend = await trend.next(EVENT_WAIT_MS);
      expect(total(latestTrend)).toBe(4 * HISTORY);
      const storedCases = await direct.db(DB_NAME).collection<CaseDocument>("cases").find().toArray();
      const expectedCases = expectedCaseStatistics(storedCases, "api").map(({ status, severity, count }) => ({
        status,
        severity,
        count,
      }));
      expect(statistics(await cases.next(EVENT_WAIT_MS))).toEqual(expectedCases);

      // One more change after the fresh start: once it shows, every earlier recomputation has run.
      await alerts.insertOne(alert("after the restart"));
      latestTrend = await trend.next(EVENT_WAIT_MS);
      expect(total(latestTrend)).toBe(4 * HISTORY + 1);
      // Each live result recomputed once for the lost history, the trend once more for the last insert.
      expect(recomputationsOf("cases")).toBe(1);
      expect(recomputationsOf("alerts")).toBe(2);
    } finally {
      await direct.close();
    }
  });
});
