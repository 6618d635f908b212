import fc from "fast-check";
import { DateTime } from "luxon";
import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AlertDocument } from "../../src/db/alert.document";
import { COLLECTIONS } from "../../src/db/collection-names";
import { refreshRollups } from "../../src/operations/refresh-rollups";
import { ALERT_DIMENSIONS, type Granularity, WEEKDAYS } from "../helpers/metric-reference";
import { alertMetricsQueryOf } from "../helpers/metric-query-arbitraries";
import { useRollupGateway } from "./support/use-rollup-gateway";
import { randomAlerts, seedAlerts } from "../helpers/random-alerts";
import { expectTiersSumQuarterHours } from "./support/rollup-documents-reference";
import { createAlertThroughGateway, resolveAlertThroughGateway } from "./support/gateway-alert-writes";
import {
  askRollupMetrics,
  expectedAnswer,
  type MetricQuery,
  SEVERITIES,
  SOURCES,
  TYPES,
} from "./support/rollup-reference";

// The coarser rollup tiers (hour, day, month) against plain references: the tier documents
// equal the Luxon sums of the quarter-hour documents after every refresh and rebuild, and
// alertMetrics read through them (signed pieces of months, days, hours and quarter hours)
// equals the Luxon reference over the alerts for ranges over month boundaries, ends on
// local midnights and month starts of odd-offset zones and across DST, every granularity,
// no range at all, and with dirty quarter hours inside hours, days and months.

const DAY = 86_400_000;
const WINDOW_FROM = Date.parse("2026-01-20T00:00:00Z");
const WINDOW_TO = Date.parse("2026-04-12T00:00:00Z");
const REFRESH_AT = Date.parse("2026-04-10T09:07:00Z");
const LOOKBACK_MS = 48 * 3_600_000;
const ZONES = ["Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns", "Europe/Berlin", "UTC"];
const GRANULARITIES: Granularity[] = ["HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR"];

const seeded = randomAlerts({
  from: WINDOW_FROM,
  to: WINDOW_TO,
  runs: 900,
  seed: 4242,
  types: TYPES,
  sources: SOURCES,
  severities: SEVERITIES,
  round: { nth: 6, toMs: 900_000 },
});

const { db, gateway, clock, setNow } = useRollupGateway("rollup_tiers_reference", {
  seed: seedAlerts(seeded),
  refreshAt: REFRESH_AT,
  lookbackMs: LOOKBACK_MS,
  controlsNow: true,
});

/** Ranges whose ends often fall on a zone's midnight or month start, up to 100 days long. */
const queries: fc.Arbitrary<MetricQuery> = fc
  .record({
    groupBy: fc.shuffledSubarray(Object.keys(ALERT_DIMENSIONS), { maxLength: 2 }),
    granularity: fc.option(fc.constantFrom(...GRANULARITIES)),
    timezone: fc.constantFrom(...ZONES),
    weekStartsOn: fc.constantFrom(...WEEKDAYS),
    from: fc.integer({ min: WINDOW_FROM - 10 * DAY, max: WINDOW_TO }),
    fromOn: fc.constantFrom("minute" as const, "day" as const, "month" as const),
    minutes: fc.integer({ min: 1, max: 100 * 24 * 60 }),
    toOn: fc.constantFrom("minute" as const, "day" as const, "month" as const),
    now: fc.integer({ min: WINDOW_TO - 5 * DAY, max: WINDOW_TO + 3 * DAY }),
    fillGaps: fc.boolean(),
    filter: fc.option(
      fc.oneof(
        fc.record({ severity: fc.subarray(["CRITICAL", "HIGH", "MEDIUM", "LOW"], { minLength: 1 }) }),
        fc.record({ resolved: fc.boolean() }),
        fc.record({ type: fc.subarray(TYPES, { minLength: 1 }) }),
      ),
      { freq: 3 },
    ),
  })
  .map((q) => {
    const on = (ms: number, unit: "minute" | "day" | "month") =>
      DateTime.fromMillis(ms, { zone: q.timezone }).startOf(unit).toMillis();
    const minutes = q.granularity === "HOUR" ? Math.min(q.minutes, 3 * 24 * 60) : q.minutes;
    const from = on(q.from, q.fromOn);
    const to = Math.max(from + 60_000, on(from + minutes * 60_000, q.toOn));
    return alertMetricsQueryOf({ ...q, relative: null, compareTo: null, top: null }, () => ({
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
    }));
  });

const readAlerts = () => db.collection<AlertDocument>(COLLECTIONS.alerts).find({}).toArray();

/** Random queries equal the reference; returns the sources seen. */
async function checkQueries(runs: number, seed: number): Promise<Set<string>> {
  const alerts = await readAlerts();
  const sources = new Set<string>();
  await fc.assert(
    fc.asyncProperty(queries, async (q) => {
      const answer = await askRollupMetrics(gateway, q, setNow);
      expect(answer.rows).toEqual(expectedAnswer(alerts, q).rows);
      sources.add(answer.source);
    }),
    { numRuns: runs, seed },
  );
  return sources;
}

/** A query over whole units of a zone: [from, to) with buckets of `granularity`. */
function unitQuery(granularity: Granularity, timezone: string, from: string, to: string): MetricQuery {
  return {
    groupBy: ["SEVERITY"],
    timeBucket: { granularity, timezone, weekStartsOn: "MONDAY" },
    range: {
      from: DateTime.fromISO(from, { zone: timezone }).toUTC().toISO()!,
      to: DateTime.fromISO(to, { zone: timezone }).toUTC().toISO()!,
    },
    now: REFRESH_AT,
    compareTo: null,
    fillGaps: true,
    top: null,
    filter: null,
  };
}

describe("coarser rollup tiers", () => {
  it("after the first refresh every tier is the sum of the quarter hours, and answers equal the reference", async () => {
    await clock.advance(0);
    await expectTiersSumQuarterHours(db);
    const sources = await checkQueries(45, 4243);
    expect(sources.has("ROLLUP") || sources.has("MIXED")).toBe(true);
  });

  it("queries without a range (the last seven days) equal the reference", async () => {
    const alerts = await readAlerts();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ZONES),
        fc.option(fc.constantFrom<Granularity>("DAY", "WEEK", "MONTH")),
        fc.integer({ min: REFRESH_AT - 3 * DAY, max: REFRESH_AT + DAY }),
        async (timezone, granularity, at) => {
          const q: MetricQuery = {
            groupBy: ["TYPE"],
            timeBucket: granularity ? { granularity, timezone, weekStartsOn: "MONDAY" } : null,
            range: null as never,
            now: at,
            compareTo: null,
            fillGaps: false,
            top: null,
            filter: null,
          };
          const answer = await askRollupMetrics(gateway, q, setNow);
          const sevenDays = { from: new Date(at - 7 * DAY).toISOString(), to: new Date(at).toISOString() };
          expect(answer.from).toBe(sevenDays.from);
          expect(answer.rows).toEqual(expectedAnswer(alerts, { ...q, range: sevenDays }).rows);
          expect(["ROLLUP", "MIXED"]).toContain(answer.source);
        },
      ),
      { numRuns: 15, seed: 4244 },
    );
  });

  it("dirty quarter hours inside a month, a day and an hour are read raw until the refresh; then tiers and answers are exact", async () => {
    // Far outside the lookback: only the dirty marks make them visible before a rebuild.
    await createAlertThroughGateway(gateway, {
      type: "cpu",
      severity: "CRITICAL",
      timestamp: "2026-02-14T10:20:00Z",
    });
    await createAlertThroughGateway(gateway, {
      type: "cpu",
      severity: "LOW",
      timestamp: "2026-02-28T23:50:00Z",
    });
    const old = seeded.find(
      (a) => !a.resolved && a.timestamp.getTime() < Date.parse("2026-03-01T00:00:00Z"),
    )!;
    await resolveAlertThroughGateway(gateway, old._id.toHexString());
    expect(await db.collection("rollup_dirty").countDocuments()).toBeGreaterThan(0);

    const alerts = await readAlerts();
    const around = [
      unitQuery("MONTH", "Europe/Berlin", "2026-01-01T00:00", "2026-04-01T00:00"),
      unitQuery("DAY", "Asia/Kathmandu", "2026-02-10T00:00", "2026-03-03T00:00"),
      unitQuery("HOUR", "America/St_Johns", "2026-02-14T04:00", "2026-02-14T09:00"),
      unitQuery("DAY", "Asia/Kolkata", "2026-02-27T00:00", "2026-03-02T00:00"),
    ];
    for (const q of around) {
      const answer = await askRollupMetrics(gateway, q, setNow);
      expect(answer.rows).toEqual(expectedAnswer(alerts, q).rows);
      expect(answer.source).toBe("MIXED");
    }
    await checkQueries(20, 4245);

    await clock.advance(30_000);
    expect(await db.collection("rollup_dirty").countDocuments()).toBe(0);
    await expectTiersSumQuarterHours(db);
    for (const q of around) {
      const answer = await askRollupMetrics(gateway, q, setNow);
      expect(answer.rows).toEqual(expectedAnswer(await readAlerts(), q).rows);
      expect(answer.source).toBe("ROLLUP");
    }
  });

  it("inserts, updates and deletes around the gateway within the lookback are exact after the next refresh", async () => {
    const alerts = db.collection<AlertDocument>(COLLECTIONS.alerts);
    const recent = seeded.filter((a) => a.timestamp.getTime() > REFRESH_AT - 30 * 3_600_000);
    await alerts.deleteOne({ _id: recent[0]!._id });
    await alerts.updateOne({ _id: recent[1]!._id }, { $set: { resolved: !recent[1]!.resolved } });
    await alerts.insertOne({
      ...seeded[0]!,
      _id: new ObjectId(),
      timestamp: new Date(REFRESH_AT - 20 * 3_600_000),
    });
    await clock.advance(15 * 60_000);
    await expectTiersSumQuarterHours(db);
    await checkQueries(20, 4246);
  });

  it("a rebuild after changes beyond the lookback gives tiers and answers equal to the reference", async () => {
    const alerts = db.collection<AlertDocument>(COLLECTIONS.alerts);
    const old = seeded.filter((a) => a.timestamp.getTime() < REFRESH_AT - 20 * DAY);
    await alerts.deleteMany({ _id: { $in: old.slice(0, 8).map((a) => a._id) } });
    await alerts.updateMany(
      { _id: { $in: old.slice(8, 16).map((a) => a._id) } },
      { $set: { severity: "low" as never } },
    );
    const rebuilt = await refreshRollups(db, {
      now: new Date(clock.now()),
      lookbackMs: LOOKBACK_MS,
      full: true,
      chunkMs: 5 * 3_600_000,
    });
    expect(rebuilt.refreshed).toBe(true);
    expect(rebuilt.tiers.written).toBeGreaterThan(0);
    await expectTiersSumQuarterHours(db);
    await checkQueries(25, 4247);
  });
});
