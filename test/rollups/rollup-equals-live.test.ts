import fc from "fast-check";
import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AlertDocument } from "../../src/db/alert.document";
import { COLLECTIONS } from "../../src/db/collection-names";
import { cleanupOrphans } from "../../src/operations/cleanup-orphans";
import { refreshRollups } from "../../src/operations/refresh-rollups";
import { ROLLUP_COLLECTIONS } from "../../src/db/rollup-names";
import { useRollupGateway } from "./support/use-rollup-gateway";
import { randomAlerts, seedAlerts } from "../helpers/random-alerts";
import { expectTiersSumQuarterHours } from "./support/rollup-documents-reference";
import { createAlertThroughGateway, resolveAlertThroughGateway } from "./support/gateway-alert-writes";
import {
  askRollupMetrics,
  expectedAnswer,
  metricQueries,
  rollupServes,
  SEVERITIES,
  SOURCES,
  TYPES,
  uncovered,
} from "./support/rollup-reference";

// Rollup equals live: alertMetrics with ROLLUPS=on against a plain reference computed from
// the alerts the driver reads, for random data and random queries, before and after writes
// through the gateway (exact at once: dirty buckets) and around it (exact after a refresh
// within the lookback, after a rebuild beyond it).

const WINDOW_FROM = Date.parse("2026-02-20T00:00:00Z");
const WINDOW_TO = Date.parse("2026-04-12T00:00:00Z");
/** The refresh clock: the rollup becomes complete up to 2026-04-10T09:00Z. */
const REFRESH_AT = Date.parse("2026-04-10T09:07:00Z");
const LOOKBACK_MS = 48 * 3_600_000;
const CASE_ID = new ObjectId();

// Some alerts exactly on quarter hours, local midnights and DST changes.
const seeded = randomAlerts({
  from: WINDOW_FROM,
  to: WINDOW_TO,
  runs: 500,
  seed: 1313,
  types: TYPES,
  sources: SOURCES,
  severities: SEVERITIES,
  round: { nth: 10, toMs: 900_000 },
  linkTo: CASE_ID,
});

const { db, gateway, clock, setNow } = useRollupGateway("rollup_equals_live", {
  seed: seedAlerts(seeded),
  refreshAt: REFRESH_AT,
  lookbackMs: LOOKBACK_MS,
  controlsNow: true,
});
const queries = metricQueries(WINDOW_FROM, WINDOW_TO, CASE_ID.toHexString());

const readAlerts = () => db.collection<AlertDocument>(COLLECTIONS.alerts).find({}).toArray();
const watermark = async () =>
  (await db
    .collection<{ _id: string; watermark: Date }>(ROLLUP_COLLECTIONS.state)
    .findOne({ _id: "alerts" }))!.watermark;

/** Random queries: each answer is the reference's, and says where it came from. */
async function checkQueries(runs: number, seed: number): Promise<void> {
  const alerts = await readAlerts();
  const complete = await watermark();
  const sources = new Set<string>();
  await fc.assert(
    fc.asyncProperty(queries, async (q) => {
      const answer = await askRollupMetrics(gateway, q, setNow);
      const want = expectedAnswer(alerts, q);
      expect(answer.from).toBe(want.from);
      expect(answer.to).toBe(want.to);
      expect(answer.dataAsOf).toBe(new Date(q.now).toISOString());
      expect(answer.rows).toEqual(want.rows);
      sources.add(answer.source);
      if (uncovered(q)) expect(answer.source).toBe("LIVE");
      else if (rollupServes(answer.from, answer.to, complete))
        expect(["ROLLUP", "MIXED"]).toContain(answer.source);
    }),
    { numRuns: runs, seed },
  );
  // Not vacuous: the rollup answered some of them, alone or with the raw tail.
  expect([...sources].filter((source) => source !== "LIVE").length).toBeGreaterThan(0);
}

describe("alert rollups answer as the raw alerts do", () => {
  it("the gateway's first refresh (on its clock's timer) builds the rollup up to the quarter hour", async () => {
    await clock.advance(0);
    expect(await watermark()).toEqual(new Date("2026-04-10T09:00:00Z"));
    const total = await db
      .collection(ROLLUP_COLLECTIONS.rollups)
      .aggregate<{ n: number }>([{ $group: { _id: null, n: { $sum: "$count" } } }])
      .toArray();
    expect(total[0]!.n).toBe(
      seeded.filter((a) => a.timestamp.getTime() < Date.parse("2026-04-10T09:00:00Z")).length,
    );
  });

  it("random queries (odd-offset and DST zones, every granularity, covered and uncovered filters) equal the reference", async () => {
    await checkQueries(40, 77);
  });

  it("writes through the gateway, inside and outside the lookback, are exact at once and after the refresh", async () => {
    const old = seeded.filter((a) => !a.resolved && a.timestamp.getTime() < REFRESH_AT - 20 * 86_400_000);
    const recent = seeded.filter((a) => !a.resolved && a.timestamp.getTime() > REFRESH_AT - 86_400_000);
    await resolveAlertThroughGateway(gateway, old[0]!._id.toHexString());
    await resolveAlertThroughGateway(gateway, old[1]!._id.toHexString());
    await resolveAlertThroughGateway(gateway, recent[0]!._id.toHexString());
    const created = await createAlertThroughGateway(gateway, {
      type: "disk",
      severity: "CRITICAL",
      timestamp: new Date("2026-03-01T10:20:00Z"),
    });
    await createAlertThroughGateway(gateway, {
      type: "disk",
      severity: "LOW",
      timestamp: new Date(REFRESH_AT - 3_600_000),
    });
    await resolveAlertThroughGateway(gateway, created);
    // Marked dirty, not yet refreshed: the queries read those buckets raw.
    expect(await db.collection(ROLLUP_COLLECTIONS.dirty).countDocuments()).toBeGreaterThan(0);
    await checkQueries(25, 78);

    await clock.advance(30_000);
    expect(await db.collection(ROLLUP_COLLECTIONS.dirty).countDocuments()).toBe(0);
    await checkQueries(25, 79);
  });

  it("writes around the gateway within the lookback are exact after the next refresh", async () => {
    const alerts = db.collection<AlertDocument>(COLLECTIONS.alerts);
    const inWindow = seeded.filter((a) => a.timestamp.getTime() > REFRESH_AT - 30 * 3_600_000);
    await alerts.deleteOne({ _id: inWindow[0]!._id });
    await alerts.updateOne({ _id: inWindow[1]!._id }, { $set: { severity: "low" as never, resolved: true } });
    await alerts.insertOne({
      ...seeded[0]!,
      _id: new ObjectId(),
      timestamp: new Date(REFRESH_AT - 10 * 3_600_000),
    });
    await clock.advance(15 * 60_000);
    await checkQueries(25, 80);
  });

  it("`jupiter db cleanup` deleting orphan alerts of any age marks their buckets: exact after the next refresh", async () => {
    // CASE_ID names no case: every alert linked to it is an orphan.
    const result = await cleanupOrphans(db);
    expect(result.orphanAlertsRemoved).toBeGreaterThan(100);
    await clock.advance(30_000);
    await expectTiersSumQuarterHours(db);
    await checkQueries(25, 82);
  });

  it("a delete around the gateway beyond the lookback is seen after a rebuild", async () => {
    const alerts = db.collection<AlertDocument>(COLLECTIONS.alerts);
    const old = seeded.filter((a) => a.timestamp.getTime() < REFRESH_AT - 10 * 86_400_000);
    await alerts.deleteMany({ _id: { $in: old.slice(0, 5).map((a) => a._id) } });
    const rebuilt = await refreshRollups(db, {
      now: new Date(clock.now()),
      lookbackMs: LOOKBACK_MS,
      full: true,
    });
    expect(rebuilt.refreshed).toBe(true);
    await checkQueries(25, 81);
  });
});
