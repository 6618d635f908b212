import { type Db, ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { Severity } from "../../src/domain/severity.enum";
import type { AlertDocument } from "../../src/db/alert.document";
import type { CaseDocument } from "../../src/db/case.document";
import { COLLECTIONS } from "../../src/db/collection-names";
import { seedDemoData } from "../../src/seed/seed-demo-data";
import type { GraphQLResult } from "../helpers/test-gateway";
import { useTestGateway } from "../helpers/use-test-gateway";
import { expectCaseStatisticsToMatch, expectedCaseStatistics } from "../helpers/expected-case-statistics";

// Expectations are computed here from the stored documents in plain TypeScript, and
// bucket boundaries are hand-written instants: nothing comes from the code under test.

const SEVERITY_ORDER = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The demo data ends here, well before the hand-written DST alerts of 2026. */
const SEED_NOW = new Date("2025-12-01T00:00:00Z");

let cases: CaseDocument[];
let alerts: AlertDocument[];
/** Alerts relative to the real clock, for the default window. */
let recentNow: number;

const { gateway } = useTestGateway("analytics_http", {
  seed: async (db) => {
    await seedDemoData(db, { users: 12, cases: 150, alerts: 600, days: 60, seed: 11, now: SEED_NOW });
    recentNow = Date.now();
    await insertAlerts(db, [
      // Europe/Berlin, spring change: Sunday 29 March 2026 is 23 hours long.
      ["2026-03-28T23:00:00Z", "cpu"], // Sun 00:00 CET
      ["2026-03-29T21:30:00Z", "cpu"], // Sun 23:30 CEST
      ["2026-03-29T22:30:00Z", "cpu"], // Mon 00:30 CEST
      // America/New_York, January (UTC-5): 23:30 and 00:30 local.
      ["2026-01-15T04:30:00Z", "disk"],
      ["2026-01-15T05:30:00Z", "disk"],
      // Relative to now: one inside the default 7-day window, one just outside.
      [new Date(recentNow - HOUR_MS).toISOString(), "auth"],
      [new Date(recentNow - 3 * DAY_MS).toISOString(), "latency"],
      [new Date(recentNow - 8 * DAY_MS).toISOString(), "auth"],
    ]);
    cases = await db.collection<CaseDocument>(COLLECTIONS.cases).find().toArray();
    alerts = await db.collection<AlertDocument>(COLLECTIONS.alerts).find().toArray();
  },
});

async function insertAlerts(db: Db, rows: [timestamp: string, type: string][]): Promise<void> {
  await db.collection<AlertDocument>(COLLECTIONS.alerts).insertMany(
    rows.map(([timestamp, type], i) => ({
      _id: new ObjectId(),
      type,
      source: "prometheus",
      severity: i % 2 === 0 ? Severity.CRITICAL : Severity.LOW,
      message: `hand-written ${type} alert`,
      timestamp: new Date(timestamp),
      case_id: null,
      resolved: false,
      resolution: null,
    })),
  );
}

function expectNoErrors(result: GraphQLResult): void {
  expect(result.status).toBe(200);
  expect(result.errors, JSON.stringify(result.body)).toBeUndefined();
}

function expectBadUserInput(result: GraphQLResult, fragment: RegExp): void {
  expect(result.errors, JSON.stringify(result.body)).toHaveLength(1);
  expect(result.errors![0]!.extensions?.code).toBe("BAD_USER_INPUT");
  expect(result.errors![0]!.message).toMatch(fragment);
}

describe("caseStatistics over HTTP", () => {
  const QUERY = `query Stats($filter: CaseStatisticsFilter) {
    caseStatistics(filter: $filter) { status severity count avgResolutionTimeSeconds }
  }`;

  interface Row {
    status: string;
    severity: string;
    count: number;
    avgResolutionTimeSeconds: number | null;
  }

  function expected(docs: readonly CaseDocument[]): Row[] {
    return expectedCaseStatistics(docs, "api");
  }

  function expectRows(actual: Row[], want: Row[]): void {
    expectCaseStatisticsToMatch(actual, want, 2);
  }

  it("counts every case per status and severity, most severe first, then in workflow order", async () => {
    const result = await gateway.graphql<{ caseStatistics: Row[] }>(QUERY);
    expectNoErrors(result);
    const want = expected(cases);
    expect(want.length).toBeGreaterThan(8);
    expectRows(result.data!.caseStatistics, want);
  });

  it("applies the creation window, tags and assignee", async () => {
    const createdAfter = new Date(SEED_NOW.getTime() - 30 * DAY_MS);
    const createdBefore = new Date(SEED_NOW.getTime() - 5 * DAY_MS);
    const assignee = cases.find((doc) => doc.assignee)!.assignee!;
    const result = await gateway.graphql<{ caseStatistics: Row[] }>(QUERY, {
      filter: { createdAfter: createdAfter.toISOString(), createdBefore: createdBefore.toISOString() },
    });
    expectNoErrors(result);
    expectRows(
      result.data!.caseStatistics,
      expected(cases.filter((doc) => doc.created_at >= createdAfter && doc.created_at < createdBefore)),
    );

    const byTags = await gateway.graphql<{ caseStatistics: Row[] }>(QUERY, {
      filter: { tags: ["database", "security"] },
    });
    expectNoErrors(byTags);
    expectRows(
      byTags.data!.caseStatistics,
      expected(cases.filter((doc) => doc.tags.includes("database") || doc.tags.includes("security"))),
    );

    const byAssignee = await gateway.graphql<{ caseStatistics: Row[] }>(QUERY, {
      filter: { assigneeId: assignee.toHexString() },
    });
    expectNoErrors(byAssignee);
    expectRows(
      byAssignee.data!.caseStatistics,
      expected(cases.filter((doc) => doc.assignee?.equals(assignee))),
    );
  });
});

describe("alertTrends over HTTP", () => {
  const QUERY = `query Trends($from: DateTime, $to: DateTime, $granularity: TrendGranularity, $timezone: String, $types: [String!], $fillGaps: Boolean) {
    alertTrends(from: $from, to: $to, granularity: $granularity, timezone: $timezone, types: $types, fillGaps: $fillGaps) {
      bucket date type count
    }
  }`;

  interface Point {
    bucket: string;
    date: string;
    type: string;
    count: number;
  }

  async function trends(variables: Record<string, unknown>): Promise<Point[]> {
    const result = await gateway.graphql<{ alertTrends: Point[] }>(QUERY, variables);
    expectNoErrors(result);
    return result.data!.alertTrends.map((point) => ({
      ...point,
      bucket: new Date(point.bucket).toISOString(),
    }));
  }

  it("follows Europe/Berlin local midnight across the spring DST change, zero-filling the window", async () => {
    expect(
      await trends({
        from: "2026-03-27T23:00:00Z",
        to: "2026-03-31T22:00:00Z",
        timezone: "Europe/Berlin",
        types: ["cpu"],
      }),
    ).toEqual([
      { bucket: "2026-03-27T23:00:00.000Z", date: "2026-03-28", type: "cpu", count: 0 },
      { bucket: "2026-03-28T23:00:00.000Z", date: "2026-03-29", type: "cpu", count: 2 },
      { bucket: "2026-03-29T22:00:00.000Z", date: "2026-03-30", type: "cpu", count: 1 },
      { bucket: "2026-03-30T22:00:00.000Z", date: "2026-03-31", type: "cpu", count: 0 },
    ]);
  });

  it("splits at local midnight in America/New_York and Monday weeks, without filling when asked not to", async () => {
    const window = {
      from: "2026-01-12T05:00:00Z",
      to: "2026-01-19T05:00:00Z",
      types: ["disk"],
      fillGaps: false,
    };
    expect(await trends({ ...window, timezone: "America/New_York", granularity: "DAY" })).toEqual([
      { bucket: "2026-01-14T05:00:00.000Z", date: "2026-01-14", type: "disk", count: 1 },
      { bucket: "2026-01-15T05:00:00.000Z", date: "2026-01-15", type: "disk", count: 1 },
    ]);
    expect(await trends({ ...window, timezone: "America/New_York", granularity: "WEEK" })).toEqual([
      { bucket: "2026-01-12T05:00:00.000Z", date: "2026-01-12", type: "disk", count: 2 },
    ]);
  });

  it("defaults to UTC days over the last 7 days, every type present filled", async () => {
    const points = await trends({});
    const from = recentNow - 7 * DAY_MS;
    // Independently: UTC days from the day of `from` to today, and the alerts inside [from, now).
    const days: string[] = [];
    for (let day = Math.floor(from / DAY_MS) * DAY_MS; day <= recentNow; day += DAY_MS) {
      days.push(new Date(day).toISOString().slice(0, 10));
    }
    const inWindow = alerts.filter(
      (alert) => alert.timestamp.getTime() >= from && alert.timestamp.getTime() < recentNow + 60_000,
    );
    const types = [...new Set(inWindow.map((alert) => alert.type))].sort();
    expect(types).toEqual(["auth", "latency"]);
    const want = days.flatMap((date) =>
      types.map((type) => ({
        bucket: `${date}T00:00:00.000Z`,
        date,
        type,
        count: inWindow.filter(
          (alert) => alert.type === type && alert.timestamp.toISOString().startsWith(date),
        ).length,
      })),
    );
    expect(points).toEqual(want);
  });

  it("counts the demo data per day by type, as computed from the documents", async () => {
    const from = new Date("2025-11-01T00:00:00Z");
    const to = new Date("2025-11-08T00:00:00Z");
    const points = await trends({ from: from.toISOString(), to: to.toISOString(), fillGaps: false });
    const counts = new Map<string, number>();
    for (const alert of alerts) {
      if (alert.timestamp < from || alert.timestamp >= to) continue;
      const key = `${alert.timestamp.toISOString().slice(0, 10)}|${alert.type}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const want = [...counts.entries()]
      .map(([key, count]) => {
        const [date, type] = key.split("|") as [string, string];
        return { bucket: `${date}T00:00:00.000Z`, date, type, count };
      })
      .sort((a, b) => a.bucket.localeCompare(b.bucket) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
    expect(want.length).toBeGreaterThan(10);
    expect(points).toEqual(want);
  });

  it("rejects an unknown time zone as BAD_USER_INPUT naming timezone", async () => {
    expectBadUserInput(await gateway.graphql(QUERY, { timezone: "Mars/Olympus_Mons" }), /timezone/);
  });

  it("rejects from after to as BAD_USER_INPUT naming from", async () => {
    expectBadUserInput(
      await gateway.graphql(QUERY, { from: "2026-02-02T00:00:00Z", to: "2026-02-01T00:00:00Z" }),
      /^from/,
    );
  });

  it("rejects a window of too many buckets as BAD_USER_INPUT", async () => {
    expectBadUserInput(
      await gateway.graphql(QUERY, {
        from: "2020-01-01T00:00:00Z",
        to: "2026-01-01T00:00:00Z",
        granularity: "HOUR",
      }),
      /buckets/,
    );
  });
});

describe("alertSeverityBreakdown over HTTP", () => {
  const QUERY = `query Breakdown($resolved: Boolean) { alertSeverityBreakdown(resolved: $resolved) { severity count } }`;

  for (const resolved of [false, true]) {
    it(`lists all four severities, most severe first, for resolved: ${resolved}`, async () => {
      const result = await gateway.graphql<{ alertSeverityBreakdown: { severity: string; count: number }[] }>(
        QUERY,
        { resolved },
      );
      expectNoErrors(result);
      expect(result.data!.alertSeverityBreakdown).toEqual(
        SEVERITY_ORDER.map((severity) => ({
          severity,
          count: alerts.filter(
            (alert) => alert.resolved === resolved && alert.severity.toUpperCase() === severity,
          ).length,
        })),
      );
    });
  }

  it("defaults to unresolved alerts", async () => {
    const [byDefault, unresolved] = await Promise.all([
      gateway.graphql(`{ alertSeverityBreakdown { severity count } }`),
      gateway.graphql(QUERY, { resolved: false }),
    ]);
    expectNoErrors(byDefault);
    expect(byDefault.data).toEqual(unresolved.data);
  });
});
