import fc from "fast-check";
import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AlertDocument } from "../../src/db/alert.document";
import { COLLECTIONS } from "../../src/db/collection-names";
import { loadConfig } from "../../src/config";
import { Severity } from "../../schema/enums/severity.enum";
import {
  bucketLabel,
  type Granularity,
  REFERENCE_ZONES,
  type ReferenceBucketing,
  type ReferenceDimension,
  type ReferenceRange,
  referenceRowsWithComparison,
  relativeRange,
  type RelativeName,
  WEEKDAYS,
  weekdayNumber,
} from "../helpers/metric-reference";
import { comparisonArbitrary, topArbitrary } from "../helpers/metric-query-arbitraries";
import { useTestGateway } from "../helpers/use-test-gateway";

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

const DIMENSIONS: Record<string, ReferenceDimension<AlertDocument>> = {
  TYPE: { field: "type", values: (a) => [a.type] },
  SOURCE: { field: "source", values: (a) => [a.source] },
  SEVERITY: { field: "severity", values: (a) => [a.severity], order: SEVERITIES },
  RESOLVED: { field: "resolved", values: (a) => [a.resolved] },
};

let alerts: AlertDocument[];
/** The gateway's clock, set per query. */
let now = new Date(WINDOW_TO);

const { gateway } = useTestGateway("alert_metrics_ref", {
  seed: async (db) => {
    const alertArbitrary = fc.record({
      timestamp: fc.integer({ min: WINDOW_FROM, max: WINDOW_TO - 1 }),
      type: fc.constantFrom(...TYPES),
      source: fc.constantFrom(...SOURCES),
      severity: fc.constantFrom(...SEVERITIES),
      resolved: fc.boolean(),
    });
    alerts = fc.sample(alertArbitrary, { numRuns: 400, seed: 12 }).map((a, i) => ({
      _id: new ObjectId(),
      type: a.type,
      source: a.source,
      severity: a.severity,
      message: `alert ${i}`,
      // Some alerts exactly on local midnights and DST changes.
      timestamp: new Date(i % 20 === 0 ? Math.floor(a.timestamp / 3_600_000) * 3_600_000 : a.timestamp),
      case_id: null,
      resolved: a.resolved,
      resolution: a.resolved ? "fixed" : null,
    }));
    await db.collection<AlertDocument>(COLLECTIONS.alerts).insertMany(alerts);
  },
  gateway: {
    metrics: { ...loadConfig({}).metrics, now: () => now },
    protections: { maxCost: 1_000_000 },
  },
});

interface Query {
  groupBy: string[];
  timeBucket: { granularity: Granularity; timezone: string; weekStartsOn: string } | null;
  range: { from: string; to: string } | { relative: RelativeName } | null;
  now: number;
  compareTo: "PREVIOUS_PERIOD" | "PREVIOUS_YEAR" | null;
  fillGaps: boolean;
  top: { measure: "count" | "resolvedCount" | "unresolvedCount"; limit: number; withOther: boolean } | null;
  filter: { severity?: string[]; resolved?: boolean } | null;
}

const queryArbitrary: fc.Arbitrary<Query> = fc
  .record({
    groupBy: fc.shuffledSubarray(Object.keys(DIMENSIONS), { maxLength: 2 }),
    granularity: fc.option(fc.constantFrom<Granularity>("HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR")),
    timezone: fc.constantFrom(...ZONES),
    weekStartsOn: fc.constantFrom(...WEEKDAYS),
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
  .map((q) => {
    // Hourly buckets over short ranges only, to keep answers small.
    const days = q.granularity === "HOUR" ? Math.min(q.days, 3) : q.days;
    const relative = q.granularity === "HOUR" ? null : q.relative;
    return {
      groupBy: q.groupBy,
      timeBucket: q.granularity
        ? { granularity: q.granularity, timezone: q.timezone, weekStartsOn: q.weekStartsOn }
        : null,
      range: relative
        ? { relative }
        : {
            from: new Date(q.from).toISOString(),
            to: new Date(q.from + days * 86_400_000 + 1234567).toISOString(),
          },
      now: q.now,
      compareTo: q.compareTo,
      fillGaps: q.fillGaps,
      top: q.top,
      filter: q.filter,
    };
  });

const ROW_FIELDS = `bucket bucketLabel type source severity resolved other count resolvedCount unresolvedCount resolvedRatio
  previous { count resolvedCount unresolvedCount resolvedRatio }`;

async function ask(q: Query, rowFields = ROW_FIELDS) {
  now = new Date(q.now);
  const result = await gateway.graphql(
    `query M($groupBy: [AlertDimension!], $timeBucket: TimeBucketInput, $range: TimeRangeInput, $filter: AlertFilter,
             $compareTo: Comparison, $fillGaps: Boolean, $top: TopInput) {
      alertMetrics(groupBy: $groupBy, timeBucket: $timeBucket, range: $range, filter: $filter, compareTo: $compareTo,
                   fillGaps: $fillGaps, top: $top) {
        from to comparisonFrom comparisonTo dataAsOf rows { ${rowFields} } } }`,
    {
      groupBy: q.groupBy,
      timeBucket: q.timeBucket,
      range: q.range,
      filter: q.filter,
      compareTo: q.compareTo,
      fillGaps: q.fillGaps,
      top: q.top,
    },
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.alertMetrics;
}

function measures(docs: unknown[]) {
  const list = docs as AlertDocument[];
  const resolved = list.filter((a) => a.resolved).length;
  return {
    count: list.length,
    resolvedCount: resolved,
    unresolvedCount: list.length - resolved,
    resolvedRatio: list.length === 0 ? null : resolved / list.length,
  };
}

function expected(q: Query) {
  const zone = q.timeBucket?.timezone ?? "UTC";
  const weekStart = weekdayNumber(q.timeBucket?.weekStartsOn);
  const nowDate = new Date(q.now);
  const range: ReferenceRange =
    q.range && "relative" in q.range
      ? relativeRange(q.range.relative, nowDate, zone, weekStart)
      : { from: new Date(q.range!.from), to: new Date(q.range!.to), period: null };
  const bucketing: ReferenceBucketing | null = q.timeBucket
    ? { granularity: q.timeBucket.granularity, zone, weekStart }
    : null;
  const docs = alerts.filter(
    (a) =>
      (!q.filter?.severity || q.filter.severity.includes(a.severity.toUpperCase())) &&
      (q.filter?.resolved === undefined || a.resolved === q.filter.resolved),
  );
  const top = q.top
    ? { limit: q.top.limit, withOther: q.top.withOther, total: (d: unknown[]) => measures(d)[q.top!.measure] }
    : undefined;
  const base = {
    docs,
    time: (a: AlertDocument) => a.timestamp,
    dimensions: q.groupBy.map((name) => DIMENSIONS[name]!),
    bucketing,
    fillGaps: q.fillGaps,
    top,
  };
  const { rows, comparison, previous } = referenceRowsWithComparison(base, range, q.compareTo, zone);
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    comparisonFrom: comparison?.from.toISOString() ?? null,
    comparisonTo: comparison?.to.toISOString() ?? null,
    rows: rows.map((row, i) => ({
      bucket: row.bucket?.toISOString() ?? null,
      bucketLabel: row.bucket && bucketing ? bucketLabel(row.bucket, bucketing) : null,
      type: (row.dims.type as string | undefined) ?? null,
      source: (row.dims.source as string | undefined) ?? null,
      severity: row.dims.severity ? String(row.dims.severity).toUpperCase() : null,
      resolved: (row.dims.resolved as boolean | undefined) ?? null,
      other: row.other,
      ...measures(row.docs),
      previous: previous ? measures(previous[i]?.docs ?? []) : null,
    })),
  };
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
