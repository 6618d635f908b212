import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { AlertDocument } from "../../src/db/alert.document";
import { COLLECTIONS } from "../../src/db/collection-names";
import { bucketsOf, bucketStart, type Granularity } from "../helpers/metric-reference";
import { useRollupGateway } from "./support/use-rollup-gateway";
import { randomAlerts, seedAlerts } from "../helpers/random-alerts";
import { ROLLUP_ZONES, SEVERITIES, SOURCES, TYPES } from "./support/rollup-reference";
import { createAlertThroughGateway } from "./support/gateway-alert-writes";
import { TIER_COLLECTIONS } from "./support/rollup-documents-reference";

// alertTrends and alertSeverityBreakdown, thin wrappers over the builder, read the rollup
// too: their answers equal a plain Luxon reference over the alerts the driver reads, and the
// commands the gateway sends show that the rollup was read.

const WINDOW_FROM = Date.parse("2026-03-01T00:00:00Z");
const WINDOW_TO = Date.parse("2026-04-12T00:00:00Z");
const REFRESH_AT = Date.parse("2026-04-10T09:07:00Z");

const seeded = randomAlerts({
  from: WINDOW_FROM,
  to: WINDOW_TO,
  runs: 400,
  seed: 2024,
  types: TYPES,
  sources: SOURCES,
  severities: SEVERITIES,
});

const { db, gateway, clock } = useRollupGateway("alert_trends_rollups", {
  seed: seedAlerts(seeded),
  refreshAt: REFRESH_AT,
});

const trendQueries = fc.record({
  granularity: fc.constantFrom<Granularity>("HOUR", "DAY", "WEEK", "MONTH"),
  timezone: fc.constantFrom(...ROLLUP_ZONES),
  from: fc.integer({ min: WINDOW_FROM - 86_400_000, max: WINDOW_TO }),
  minutes: fc.integer({ min: 1, max: 35 * 24 * 60 }),
  types: fc.option(fc.subarray(TYPES), { freq: 3 }),
});

function expectedTrend(
  alerts: AlertDocument[],
  q: { granularity: Granularity; timezone: string; from: Date; to: Date; types: string[] | null },
) {
  const bucketing = { granularity: q.granularity, zone: q.timezone, weekStart: 1 };
  const counts = new Map<string, number>();
  const types = new Set<string>();
  for (const alert of alerts) {
    if (alert.timestamp < q.from || alert.timestamp >= q.to) continue;
    if (q.types && !q.types.includes(alert.type)) continue;
    types.add(alert.type);
    const key = `${bucketStart(alert.timestamp, bucketing).toISOString()}|${alert.type}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return bucketsOf(q.from, q.to, bucketing).flatMap((bucket) =>
    [...types].sort().map((type) => ({
      bucket: bucket.toISOString(),
      date: DateTime.fromJSDate(bucket, { zone: q.timezone }).toFormat("yyyy-MM-dd"),
      type,
      count: counts.get(`${bucket.toISOString()}|${type}`) ?? 0,
    })),
  );
}

describe("alertTrends and alertSeverityBreakdown from the rollup", () => {
  it("alertTrends equals the reference for random windows, zones and granularities, before and after writes", async () => {
    await clock.advance(0);
    const check = async (seed: number) => {
      const alerts = await db.collection<AlertDocument>(COLLECTIONS.alerts).find({}).toArray();
      await fc.assert(
        fc.asyncProperty(trendQueries, async (q) => {
          const minutes = q.granularity === "HOUR" ? Math.min(q.minutes, 4 * 24 * 60) : q.minutes;
          const from = new Date(q.from);
          const to = new Date(q.from + minutes * 60_000);
          const result = await gateway.graphql(
            `query T($from: DateTime, $to: DateTime, $granularity: TrendGranularity, $timezone: String, $types: [String!]) {
              alertTrends(from: $from, to: $to, granularity: $granularity, timezone: $timezone, types: $types) {
                bucket date type count } }`,
            { from, to, granularity: q.granularity, timezone: q.timezone, types: q.types },
          );
          expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
          expect(result.data.alertTrends).toEqual(
            expectedTrend(alerts, {
              granularity: q.granularity,
              timezone: q.timezone,
              from,
              to,
              types: q.types,
            }),
          );
        }),
        { numRuns: 30, seed },
      );
    };
    await check(5);
    await createAlertThroughGateway(gateway, {
      type: "cpu",
      severity: "HIGH",
      timestamp: "2026-03-03T03:03:00Z",
    });
    await check(6);
  });

  it("30 days daily in Europe/Berlin before the watermark reads the rollup tiers only, one aggregation each", async () => {
    gateway.resetCommands();
    const result = await gateway.graphql(
      `{ alertTrends(from: "2026-03-10T23:00:00Z", to: "2026-04-09T22:00:00Z", granularity: DAY, timezone: "Europe/Berlin") { count } }`,
    );
    expect(result.errors).toBeUndefined();
    const aggregated = gateway.commands
      .filter((event) => event.commandName === "aggregate")
      .map((event) => event.command.aggregate as string);
    // Days, with the hours between UTC and Berlin midnight added and subtracted; no raw alerts.
    expect(aggregated.length).toBeGreaterThan(0);
    expect(new Set(aggregated).size).toBe(aggregated.length);
    for (const collection of aggregated) {
      expect(TIER_COLLECTIONS).toContain(collection);
    }
    expect(aggregated).toContain("alert_rollups_daily");
  });

  it("alertSeverityBreakdown equals the counts of the alerts", async () => {
    const alerts = await db.collection<AlertDocument>(COLLECTIONS.alerts).find({}).toArray();
    for (const resolved of [true, false]) {
      const result = await gateway.graphql(
        `query B($resolved: Boolean) { alertSeverityBreakdown(resolved: $resolved) { severity count } }`,
        { resolved },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.alertSeverityBreakdown).toEqual(
        SEVERITIES.map((severity) => ({
          severity: severity.toUpperCase(),
          count: alerts.filter((a) => a.severity === severity && a.resolved === resolved).length,
        })),
      );
    }
  });
});
