import { afterAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { loadConfig } from "../../src/config";
import type { CaseDocument } from "../../src/db/case.document";
import { Priority } from "../../src/domain/priority.enum";
import { Severity } from "../../src/domain/severity.enum";
import { alertDocument } from "../helpers/alert-document";
import { caseDocument } from "../helpers/case-document";
import { expectedCaseStatistics } from "../helpers/expected-case-statistics";
import { type LiveClient, openLiveClient } from "../helpers/live-client";
import { signTestJwt } from "../helpers/test-jwt";
import { useRestartableDatabase } from "../helpers/use-restartable-database";

// The engine keeps only HISTORY change events (`--change-history`). While the gateway cannot
// reach it, more changes than that are made, so its resume token falls out of the history:
// resuming fails with ChangeStreamHistoryLost (286), and the gateway must recompute every live
// result once instead of missing those changes.
const HISTORY = 5;
const database = useRestartableDatabase("live_history_restart", {
  engineArgs: ["--change-history", String(HISTORY)],
  gateway: { live: { ...loadConfig({}).live, source: "change-stream", minIntervalMs: 100 } },
});
const EVENT_WAIT_MS = 60_000;

let live: LiveClient | undefined;
afterAll(async () => {
  await live?.dispose();
});

const lost = (message: string) => alertDocument({ type: "lost", message });

const aCase = (title: string) => caseDocument({ title, severity: Severity.HIGH, priority: Priority.MEDIUM });

/** Recomputations of live results: the gateway's aggregations of a collection, change streams aside. */
const recomputationsOf = (collection: string): number =>
  database.gateway.commands.filter(
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
    const { gateway } = database;
    live = openLiveClient(gateway.url, { authorization: `Bearer ${await signTestJwt(UserRole.ANALYST)}` });
    const trend = live.subscribe(
      `subscription { alertTrendsLive(types: ["lost"], fillGaps: false) { count } }`,
    );
    const cases = live.subscribe(`subscription { caseStatisticsLive { status severity count } }`);
    expect((await trend.next(EVENT_WAIT_MS)).data).toEqual({ alertTrendsLive: [] });
    expect((await cases.next(EVENT_WAIT_MS)).data).toEqual({ caseStatisticsLive: [] });

    // Out of the gateway's sight: more changes than the history keeps.
    await database.restart(async (db) => {
      gateway.resetCommands();
      for (let k = 0; k < 4 * HISTORY; k++) await db.collection("alerts").insertOne(lost(`away ${k}`));
      await db.collection("cases").insertOne(aCase("opened while the gateway was away"));
    });

    expect(await database.withDb((db) => db.collection("alerts").countDocuments({ type: "lost" }))).toBe(
      4 * HISTORY,
    );
    let latestTrend = await trend.next(EVENT_WAIT_MS);
    while (total(latestTrend) < 4 * HISTORY) latestTrend = await trend.next(EVENT_WAIT_MS);
    expect(total(latestTrend)).toBe(4 * HISTORY);
    const storedCases = await database.withDb((db) => db.collection<CaseDocument>("cases").find().toArray());
    const expectedCases = expectedCaseStatistics(storedCases, "api").map(({ status, severity, count }) => ({
      status,
      severity,
      count,
    }));
    expect(statistics(await cases.next(EVENT_WAIT_MS))).toEqual(expectedCases);

    // One more change after the fresh start: once it shows, every earlier recomputation has run.
    await database.withDb((db) => db.collection("alerts").insertOne(lost("after the restart")));
    latestTrend = await trend.next(EVENT_WAIT_MS);
    expect(total(latestTrend)).toBe(4 * HISTORY + 1);
    // Each live result recomputed once for the lost history, the trend once more for the last insert.
    expect(recomputationsOf("cases")).toBe(1);
    expect(recomputationsOf("alerts")).toBe(2);
  });
});
