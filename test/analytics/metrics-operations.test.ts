import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import type { AlertDocument } from "../../src/db/alert.document";
import type { CaseDocument } from "../../src/db/case.document";
import { COLLECTIONS } from "../../src/db/collection-names";
import { seedDemoData } from "../../src/seed/seed-demo-data";
import { useTestGateway } from "../helpers/use-test-gateway";

// The typed dashboard operations of clients/operations/ run as clients send them, over
// the demo data, with totals checked against the stored documents.

const NOW = new Date("2026-03-15T12:00:00Z");
const DAY = 86_400_000;

let alerts: AlertDocument[];
let cases: CaseDocument[];

const { gateway } = useTestGateway("metrics_operations", {
  seed: async (db) => {
    await seedDemoData(db, { users: 8, cases: 120, alerts: 500, days: 120, seed: 5, now: NOW });
    alerts = await db.collection<AlertDocument>(COLLECTIONS.alerts).find().toArray();
    cases = await db.collection<CaseDocument>(COLLECTIONS.cases).find().toArray();
  },
  gateway: { metrics: { ...loadConfig({}).metrics, now: () => NOW } },
});

function operation(name: string): string {
  return readFileSync(join(__dirname, "../../clients/operations", name), "utf8");
}

const inRange = (t: Date | null, from: string, to: string) =>
  !!t && t.getTime() >= Date.parse(from) && t.getTime() < Date.parse(to);

/** The queries of the README's Metrics section, as people copy them. */
function readmeMetricsExamples(): string[] {
  const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Metrics"), readme.indexOf("### Admin API"));
  const block = /```graphql\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .split(/\n(?=\{ )/)
    .map((part) => part.replace(/^#.*$/gm, "").trim())
    .filter((part) => part.startsWith("{"));
}

describe("the README's metrics examples", () => {
  it("run as written", async () => {
    const examples = readmeMetricsExamples();
    expect(examples).toHaveLength(3);
    for (const example of examples) {
      const result = await gateway.graphql(example);
      expect(result.errors, `${example}\n${JSON.stringify(result.errors)}`).toBeUndefined();
      const [answer] = Object.values(result.data) as { rows: unknown[] }[];
      expect(answer!.rows.length).toBeGreaterThan(0);
    }
  });
});

describe("dashboard operations of the metrics API", () => {
  it("DashboardAlertMetrics: the last 30 Berlin days, top 5 sources plus other, sum to the alerts in range", async () => {
    const result = await gateway.graphql(operation("dashboard-alert-metrics.graphql"), {
      timezone: "Europe/Berlin",
    });
    expect(result.errors).toBeUndefined();
    const { from, to, rows } = result.data.alertMetrics;
    expect(Date.parse(to)).toBe(NOW.getTime());
    const expected = alerts.filter((a) => inRange(a.timestamp, from, to)).length;
    expect(rows.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(expected);
    const sources = new Set(
      rows.filter((r: { other: boolean }) => !r.other).map((r: { source: string }) => r.source),
    );
    expect(sources.size).toBeLessThanOrEqual(5);
    // One "other" row per day: 30 local days.
    expect(rows.filter((r: { other: boolean }) => r.other)).toHaveLength(30);
    expect(rows.every((r: { previous: unknown }) => r.previous !== null)).toBe(true);
  });

  it("DashboardCaseMetrics: this quarter by severity with last quarter to compare", async () => {
    const result = await gateway.graphql(operation("dashboard-case-metrics.graphql"), {
      timezone: "Asia/Kolkata",
    });
    expect(result.errors).toBeUndefined();
    const { from, to, comparisonFrom, comparisonTo, rows } = result.data.caseMetrics;
    // Q1 2026 in Kolkata (UTC+05:30), and Q4 2025 before it.
    expect([from, to, comparisonFrom, comparisonTo]).toEqual([
      "2025-12-31T18:30:00.000Z",
      "2026-03-31T18:30:00.000Z",
      "2025-09-30T18:30:00.000Z",
      "2025-12-31T18:30:00.000Z",
    ]);
    const resolvedInRange = cases.filter((c) => inRange(c.resolved_at, from, to)).length;
    expect(rows.reduce((sum: number, row: { resolvedCount: number }) => sum + row.resolvedCount, 0)).toBe(
      resolvedInRange,
    );
    expect(rows.map((r: { bucketLabel: string }) => r.bucketLabel)).toEqual(rows.map(() => "2026-Q1"));
  });

  it("DashboardCaseBacklog: weekly open backlog; opened per week matches the stored cases", async () => {
    const result = await gateway.graphql(operation("dashboard-case-backlog.graphql"));
    expect(result.errors).toBeUndefined();
    const { from, to, rows } = result.data.caseBacklog;
    const opened = cases.filter((c) => inRange(c.created_at, from, to)).length;
    expect(rows.reduce((sum: number, row: { opened: number }) => sum + row.opened, 0)).toBe(opened);
    expect(rows[0].bucketLabel).toMatch(/^\d{4}-W\d{2}$/);
  });

  it("MetricRowDrillDown: each row's alerts are exactly its count", async () => {
    const range = { from: new Date(NOW.getTime() - 3 * DAY).toISOString(), to: NOW.toISOString() };
    const result = await gateway.graphql(operation("metric-row-drill-down.graphql"), { range, first: 100 });
    expect(result.errors).toBeUndefined();
    const rows = result.data.alertMetrics.rows as {
      count: number;
      alerts: { totalCount: number; edges: unknown[] };
    }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.alerts.totalCount).toBe(row.count);
      expect(row.alerts.edges).toHaveLength(Math.min(row.count, 100));
    }
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(
      alerts.filter((a) => inRange(a.timestamp, range.from, range.to)).length,
    );
  });
});
