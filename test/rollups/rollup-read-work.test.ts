import { DateTime } from "luxon";
import { type Document, ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AlertDocument } from "../../src/db/alert.document";
import { COLLECTIONS } from "../../src/db/collection-names";
import { Severity } from "../../src/domain/severity.enum";
import { useRollupGateway } from "./support/use-rollup-gateway";
import { TIER_COLLECTIONS } from "./support/rollup-documents-reference";

// Work, not time: over data with every quarter hour filled, a 30-day daily Europe/Berlin
// trend reads days and the hours between the midnights from the coarser tiers — a bounded
// number of rollup documents, counted with the driver from the `$match` of every
// aggregation the gateway sent — instead of 2,880 quarter-hour documents per combination.

const FROM = Date.parse("2026-03-01T00:00:00Z");
const TO = Date.parse("2026-04-08T00:00:00Z");
const QUARTER = 900_000;
const TYPES = ["cpu", "disk"];
const COMBINATIONS = TYPES.length * 2; // × resolved

/** One alert per quarter hour, type and resolved: every quarter-hour rollup document exists. */
function everyQuarterHour(): AlertDocument[] {
  const alerts: AlertDocument[] = [];
  for (let at = FROM; at < TO; at += QUARTER) {
    for (const type of TYPES) {
      for (const resolved of [false, true]) {
        alerts.push({
          _id: new ObjectId(),
          type,
          source: "grafana",
          severity: Severity.HIGH,
          message: "every quarter hour",
          timestamp: new Date(at + 7 * 60_000),
          case_id: null,
          resolved,
          resolution: resolved ? "fixed" : null,
        });
      }
    }
  }
  return alerts;
}

const { db, gateway, clock } = useRollupGateway("rollup_read_work", {
  seed: async (database) => {
    await database.collection<AlertDocument>(COLLECTIONS.alerts).insertMany(everyQuarterHour());
  },
  refreshAt: Date.parse("2026-04-09T00:07:00Z"),
});

/** The rollup documents the aggregations the gateway sent since resetCommands() select, per collection. */
async function documentsRead(): Promise<Record<string, number>> {
  const read: Record<string, number> = {};
  for (const event of gateway.commands) {
    if (event.commandName !== "aggregate") continue;
    const collection = event.command.aggregate as string;
    const match = structuredClone((event.command.pipeline as Document[])[0]!.$match as Document);
    read[collection] = (read[collection] ?? 0) + (await db.collection(collection).countDocuments(match));
  }
  return read;
}

describe("rollup reads count few documents", () => {
  it("a 30-day daily Europe/Berlin trend (across the DST change) reads days and a few hours, not quarter hours", async () => {
    await clock.advance(0);
    const from = DateTime.fromISO("2026-03-06T00:00", { zone: "Europe/Berlin" });
    const to = from.plus({ days: 30 });
    gateway.resetCommands();
    const result = await gateway.graphql(
      `query T($from: DateTime, $to: DateTime) {
        alertTrends(from: $from, to: $to, granularity: DAY, timezone: "Europe/Berlin") { bucket type count } }`,
      { from: from.toUTC().toISO(), to: to.toUTC().toISO() },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();

    // The answer, by Luxon: two alerts (resolved or not) per quarter hour of each local day.
    const expected = [];
    for (let day = from; day < to; day = day.plus({ days: 1 })) {
      const quarters = day.plus({ days: 1 }).diff(day, "minutes").minutes / 15;
      for (const type of TYPES) expected.push({ bucket: day.toUTC().toISO(), type, count: quarters * 2 });
    }
    expect(result.data.alertTrends).toEqual(expected);

    const read = await documentsRead();
    expect(Object.keys(read).every((collection) => TIER_COLLECTIONS.includes(collection))).toBe(true);
    const total = Object.values(read).reduce((sum, n) => sum + n, 0);
    const quarterHourDocuments = await db
      .collection("alert_rollups")
      .countDocuments({ bucket: { $gte: from.toJSDate(), $lt: to.toJSDate() } });
    expect(quarterHourDocuments).toBe(30 * 96 * COMBINATIONS - 4 * COMBINATIONS);
    // 30 days, and at most two hours at each of the 31 local midnights (23:00Z or 22:00Z).
    expect(total).toBeLessThanOrEqual((30 + 2 * 31) * COMBINATIONS);
    expect(read.alert_rollups_daily).toBe(30 * COMBINATIONS);
    expect(total * 20).toBeLessThan(quarterHourDocuments);
  });

  it("alertMetrics by type over five weeks reads a month and a week of days", async () => {
    gateway.resetCommands();
    const result = await gateway.graphql(
      `{ alertMetrics(groupBy: [TYPE], range: { from: "2026-03-01T00:00:00Z", to: "2026-04-08T00:00:00Z" }) {
          source rows { type count } } }`,
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const quarters = (TO - FROM) / QUARTER;
    expect(result.data.alertMetrics).toEqual({
      source: "ROLLUP",
      rows: TYPES.map((type) => ({ type, count: quarters * 2 })),
    });
    const read = await documentsRead();
    expect(read).toEqual({ alert_rollups_monthly: COMBINATIONS, alert_rollups_daily: 7 * COMBINATIONS });
  });
});
