import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AlertDocument } from "../../src/db/alert.document";
import { loadConfig } from "../../src/config";
import { Severity } from "../../schema/enums/severity.enum";
import {
  type AlertMetricsQuery,
  expectedAlertMetrics,
  REFERENCE_ZONES,
  type RelativeName,
} from "../helpers/metric-reference";
import {
  alertBucketingArbitraries,
  alertMetricsQueryOf,
  comparisonArbitrary,
  topArbitrary,
} from "../helpers/metric-query-arbitraries";
import { useTestGateway } from "../helpers/use-test-gateway";
import { ALERT_METRIC_ROW_FIELDS, askAlertMetrics } from "../helpers/ask-alert-metrics";
import { randomAlerts, seedAlerts } from "../helpers/random-alerts";

// alertMetrics against a reference implementation written here (Luxon for the calendar),
// over random alerts and random queries: dimensions, granularities, DST and offset zones,
// week starts, ranges across DST changes and the year end, comparisons, top-N, gaps.

const WINDOW_FROM = Date.parse("2025-10-10T00:00:00Z");
const WINDOW_TO = Date.parse("2026-04-20T00:00:00Z");
const ZONES = [...REFERENCE_ZONES, "Australia/Sydney"];
const TYPES = ["cpu", "disk", "net"];
const SOURCES = ["grafana", "prometheus"];
const SEVERITIES = [Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW];
const RELATIVE: RelativeName[] = [
  "LAST_24_HOURS",
  "LAST_7_DAYS",
  "LAST_30_DAYS",
  "TODAY",
  "YESTERDAY",
  "THIS_WEEK",
  "LAST_WEEK",
  "THIS_MONTH",
  "LAST_MONTH",
  "THIS_QUARTER",
  "LAST_QUARTER",
];

let alerts: AlertDocument[];
/** The gateway's clock, set per query. */
let now = new Date(WINDOW_TO);

const { gateway } = useTestGateway("alert_metrics_ref", {
  seed: async (db) => {
    // Some alerts exactly on local midnights and DST changes.
    alerts = randomAlerts({
      from: WINDOW_FROM,
      to: WINDOW_TO,
      runs: 400,
      seed: 12,
      types: TYPES,
      sources: SOURCES,
      severities: SEVERITIES,
      round: { nth: 20, toMs: 3_600_000 },
    });
    await seedAlerts(alerts)(db);
  },
  gateway: {
    metrics: { ...loadConfig({}).metrics, now: () => now },
    protections: { maxCost: 1_000_000 },
  },
});

interface Query extends AlertMetricsQuery {
  filter: { severity?: string[]; resolved?: boolean } | null;
}

const queryArbitrary: fc.Arbitrary<Query> = fc
  .record({
    ...alertBucketingArbitraries(ZONES),
    from: fc.integer({ min: WINDOW_FROM - 30 * 86_400_000, max: WINDOW_TO }),
    days: fc.integer({ min: 0, max: 120 }),
    relative: fc.option(fc.constantFrom(...RELATIVE), { freq: 2 }),
    now: fc.integer({ min: WINDOW_FROM + 40 * 86_400_000, max: WINDOW_TO + 20 * 86_400_000 }),
    compareTo: comparisonArbitrary,
    fillGaps: fc.boolean(),
    top: topArbitrary(["count", "resolvedCount", "unresolvedCount"] as const),
    filter: fc.option(
      fc.oneof(
        fc.record({ severity: fc.subarray(["CRITICAL", "HIGH", "MEDIUM", "LOW"], { minLength: 1 }) }),
        fc.record({ resolved: fc.boolean() }),
      ),
      { freq: 3 },
    ),
  })
  .map((q) =>
    // Hourly buckets over short ranges only, to keep answers small.
    alertMetricsQueryOf(q, (hourly) => ({
      from: new Date(q.from).toISOString(),
      to: new Date(q.from + (hourly ? Math.min(q.days, 3) : q.days) * 86_400_000 + 1234567).toISOString(),
    })),
  );

async function ask(q: Query, rowFields = ALERT_METRIC_ROW_FIELDS) {
  return askAlertMetrics(gateway, q, (at) => (now = at), {
    answerFields: "from to comparisonFrom comparisonTo dataAsOf",
    rowFields,
  });
}

function expected(q: Query) {
  return expectedAlertMetrics(
    alerts.filter(
      (a) =>
        (!q.filter?.severity || q.filter.severity.includes(a.severity.toUpperCase())) &&
        (q.filter?.resolved === undefined || a.resolved === q.filter.resolved),
    ),
    q,
  );
}

describe("alertMetrics against a reference implementation", () => {
  it("gives the reference's rows for random queries (zones, week starts, ranges, comparisons, top-N)", async () => {
    await fc.assert(
      fc.asyncProperty(queryArbitrary, async (q) => {
        const answer = await ask(q);
        const want = expected(q);
        expect(answer.from).toBe(want.from);
        expect(answer.to).toBe(want.to);
        expect(answer.comparisonFrom).toBe(want.comparisonFrom);
        expect(answer.comparisonTo).toBe(want.comparisonTo);
        expect(answer.dataAsOf).toBe(new Date(q.now).toISOString());
        expect(answer.rows).toEqual(want.rows);
      }),
      { numRuns: 60, seed: 4242 },
    );
  });

  it("drill-down: each row's alerts connection holds exactly its count, and the rows' counts sum to the alerts reached", async () => {
    const small = queryArbitrary.filter(
      (q) => q.timeBucket?.granularity !== "HOUR" && q.compareTo === null && q.groupBy.length <= 2,
    );
    await fc.assert(
      fc.asyncProperty(small, async (q) => {
        const answer = await ask(q, "other count alerts(first: 100) { totalCount edges { node { id } } }");
        let reached = 0;
        let sum = 0;
        const seen = new Set<string>();
        for (const row of answer.rows as {
          count: number;
          alerts: { totalCount: number; edges: { node: { id: string } }[] };
        }[]) {
          expect(row.alerts.totalCount).toBe(row.count);
          sum += row.count;
          reached += row.alerts.totalCount;
          for (const edge of row.alerts.edges) seen.add(edge.node.id);
        }
        expect(reached).toBe(sum);
        const want = expected(q);
        expect(sum).toBe(want.rows.reduce((total, row) => total + row.count, 0));
      }),
      { numRuns: 6, seed: 99 },
    );
  });
});
