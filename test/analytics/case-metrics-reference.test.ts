import fc from "fast-check";
import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { CaseStatus } from "../../schema/enums/case-status.enum";
import { Priority } from "../../schema/enums/priority.enum";
import { Severity } from "../../schema/enums/severity.enum";
import { UserRole } from "../../schema/enums/user-role.enum";
import type { CaseDocument } from "../../src/db/case.document";
import { COLLECTIONS } from "../../src/db/collection-names";
import type { UserDocument } from "../../src/db/user.document";
import {
  bucketLabel,
  bucketsOf,
  type Granularity,
  nextBucket,
  type ReferenceBucketing,
  type ReferenceDimension,
  referenceRows,
  referenceRowsWithComparison,
  WEEKDAYS,
  weekdayNumber,
} from "../helpers/metric-reference";
import { comparisonArbitrary, topArbitrary } from "../helpers/metric-query-arbitraries";
import { useTestGateway } from "../helpers/use-test-gateway";

// caseMetrics against a reference written here: counts, resolution-time statistics
// (percentiles checked as valid quantiles, the tolerance the approximate method allows on
// exact data), SLA attainment with the default SLA_TARGETS, TAG unwinding, assignees
// resolved through one batched lookup, comparisons and top-N.

const HOUR = 3_600_000;
const WINDOW_FROM = Date.parse("2025-09-01T00:00:00Z");
const WINDOW_TO = Date.parse("2026-04-01T00:00:00Z");
const ZONES = ["UTC", "Europe/Berlin", "Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns"];
const TAGS = ["db", "network", "auth"];
/** The documented default of SLA_TARGETS: critical=4h,high=24h,medium=72h,low=7d. */
const SLA_MS: Record<string, number> = {
  critical: 4 * HOUR,
  high: 24 * HOUR,
  medium: 72 * HOUR,
  low: 168 * HOUR,
};

let cases: CaseDocument[];
let users: UserDocument[];

const DIMENSIONS: Record<string, ReferenceDimension<CaseDocument>> = {
  STATUS: {
    field: "status",
    values: (c) => [c.status],
    order: ["open", "in_progress", "resolved", "closed"],
  },
  SEVERITY: { field: "severity", values: (c) => [c.severity], order: ["critical", "high", "medium", "low"] },
  PRIORITY: { field: "priority", values: (c) => [c.priority], order: ["critical", "high", "medium", "low"] },
  ASSIGNEE: { field: "assignee", values: (c) => [c.assignee?.toHexString() ?? null] },
  TAG: { field: "tag", values: (c) => c.tags },
};

const { gateway } = useTestGateway("case_metrics_ref", {
  seed: async (db) => {
    users = [0, 1, 2].map((i) => ({
      _id: new ObjectId(),
      email: `user${i}@example.com`,
      name: `User ${i}`,
      role: UserRole.RESPONDER,
      settings: {},
      created_at: new Date(WINDOW_FROM),
      last_login: null,
    }));
    await db.collection<UserDocument>(COLLECTIONS.users).insertMany(users);
    const caseArbitrary = fc.record({
      created: fc.integer({ min: WINDOW_FROM, max: WINDOW_TO - 1 }),
      resolvedAfter: fc.option(fc.integer({ min: 60_000, max: 10 * 24 * HOUR }), { freq: 3 }),
      severity: fc.constantFrom(...Object.values(Severity)),
      priority: fc.constantFrom(...Object.values(Priority)),
      assignee: fc.integer({ min: -1, max: 2 }),
      tags: fc.subarray(TAGS),
      openStatus: fc.constantFrom(CaseStatus.OPEN, CaseStatus.IN_PROGRESS),
      doneStatus: fc.constantFrom(CaseStatus.RESOLVED, CaseStatus.CLOSED),
    });
    cases = fc.sample(caseArbitrary, { numRuns: 300, seed: 7 }).map((c, i) => ({
      _id: new ObjectId(),
      title: `case ${i}`,
      description: "",
      severity: c.severity,
      status: c.resolvedAfter === null ? c.openStatus : c.doneStatus,
      priority: c.priority,
      assignee: c.assignee < 0 ? null : users[c.assignee]!._id,
      created_at: new Date(c.created),
      updated_at: new Date(c.created),
      resolved_at: c.resolvedAfter === null ? null : new Date(c.created + c.resolvedAfter),
      tags: c.tags,
      metadata: {},
    }));
    await db.collection<CaseDocument>(COLLECTIONS.cases).insertMany(cases);
  },
  gateway: { protections: { maxCost: 1_000_000 } },
});

interface Query {
  groupBy: string[];
  timeField: "CREATED_AT" | "RESOLVED_AT";
  timeBucket: { granularity: Granularity; timezone: string; weekStartsOn: string } | null;
  range: { from: string; to: string };
  compareTo: "PREVIOUS_PERIOD" | "PREVIOUS_YEAR" | null;
  fillGaps: boolean;
  top: { measure: "count" | "openCount" | "resolvedCount"; limit: number; withOther: boolean } | null;
}

const queryArbitrary: fc.Arbitrary<Query> = fc
  .record({
    groupBy: fc.shuffledSubarray(Object.keys(DIMENSIONS), { maxLength: 2 }),
    timeField: fc.constantFrom("CREATED_AT" as const, "RESOLVED_AT" as const),
    granularity: fc.option(fc.constantFrom<Granularity>("DAY", "WEEK", "MONTH", "QUARTER", "YEAR")),
    timezone: fc.constantFrom(...ZONES),
    weekStartsOn: fc.constantFrom(...WEEKDAYS),
    from: fc.integer({ min: WINDOW_FROM, max: WINDOW_TO }),
    days: fc.integer({ min: 0, max: 150 }),
    compareTo: comparisonArbitrary,
    fillGaps: fc.boolean(),
    top: topArbitrary(["count", "openCount", "resolvedCount"] as const),
  })
  .map((q) => ({
    groupBy: q.groupBy,
    timeField: q.timeField,
    timeBucket: q.granularity
      ? { granularity: q.granularity, timezone: q.timezone, weekStartsOn: q.weekStartsOn }
      : null,
    range: { from: new Date(q.from).toISOString(), to: new Date(q.from + q.days * 86_400_000).toISOString() },
    compareTo: q.compareTo,
    fillGaps: q.fillGaps,
    top: q.top,
  }));

interface StatsRow {
  count: number;
  openCount: number;
  resolvedCount: number;
  slaMetRatio: number | null;
  resolutionTime: {
    avg: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p95: number;
    p99: number;
  } | null;
}

const MEASURES = "count openCount resolvedCount slaMetRatio resolutionTime { avg min max p50 p90 p95 p99 }";

async function ask(q: Query) {
  const result = await gateway.graphql(
    `query M($groupBy: [CaseDimension!], $timeField: CaseTimeField, $timeBucket: TimeBucketInput, $range: TimeRangeInput,
             $compareTo: Comparison, $fillGaps: Boolean, $top: TopInput) {
      caseMetrics(groupBy: $groupBy, timeField: $timeField, timeBucket: $timeBucket, range: $range, compareTo: $compareTo,
                  fillGaps: $fillGaps, top: $top) {
        rows { bucket bucketLabel status severity priority tag assignee { id name } other ${MEASURES} previous { ${MEASURES} } } } }`,
    { ...q },
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.caseMetrics.rows as (StatsRow &
    Record<string, unknown> & { previous: StatsRow | null })[];
}

/** v is a p-quantile of xs: at least p·n values ≤ v and at most p·n values < v. */
function isQuantile(xs: readonly number[], p: number, v: number): boolean {
  const atMost = xs.filter((x) => x <= v).length;
  const below = xs.filter((x) => x < v).length;
  return xs.includes(v) && atMost >= p * xs.length - 1e-9 && below <= p * xs.length + 1e-9;
}

/** Checks one row's measures against its cases; percentiles as valid quantiles. */
function expectMeasures(actual: StatsRow, docs: CaseDocument[], where: string): void {
  const resolved = docs.filter((c) => c.resolved_at);
  const seconds = resolved.map((c) => (c.resolved_at!.getTime() - c.created_at.getTime()) / 1000);
  expect(
    { count: actual.count, openCount: actual.openCount, resolvedCount: actual.resolvedCount },
    where,
  ).toEqual({
    count: docs.length,
    openCount: docs.filter((c) => c.status === "open" || c.status === "in_progress").length,
    resolvedCount: resolved.length,
  });
  if (resolved.length === 0) {
    expect(actual.resolutionTime, where).toBeNull();
    expect(actual.slaMetRatio, where).toBeNull();
    return;
  }
  const met = resolved.filter(
    (c) => c.resolved_at!.getTime() - c.created_at.getTime() <= SLA_MS[c.severity]!,
  );
  expect(actual.slaMetRatio!, where).toBeCloseTo(met.length / resolved.length, 9);
  const stats = actual.resolutionTime!;
  expect(stats.avg, where).toBeCloseTo(seconds.reduce((a, b) => a + b, 0) / seconds.length, 6);
  expect(stats.min, where).toBe(Math.min(...seconds));
  expect(stats.max, where).toBe(Math.max(...seconds));
  for (const [name, p] of [
    ["p50", 0.5],
    ["p90", 0.9],
    ["p95", 0.95],
    ["p99", 0.99],
  ] as const) {
    expect(isQuantile(seconds, p, stats[name]), `${where} ${name}=${stats[name]} of ${seconds}`).toBe(true);
  }
}

describe("caseMetrics against a reference implementation", () => {
  it("gives the reference's rows, measures and comparisons for random queries", async () => {
    await fc.assert(
      fc.asyncProperty(queryArbitrary, async (q) => {
        const rows = await ask(q);
        const zone = q.timeBucket?.timezone ?? "UTC";
        const weekStart = weekdayNumber(q.timeBucket?.weekStartsOn);
        const bucketing: ReferenceBucketing | null = q.timeBucket
          ? { granularity: q.timeBucket.granularity, zone, weekStart }
          : null;
        const range = { from: new Date(q.range.from), to: new Date(q.range.to), period: null };
        const dimensions = q.groupBy.map((name) => DIMENSIONS[name]!);
        const total = (docs: unknown[]): number => {
          const list = docs as CaseDocument[];
          if (q.top!.measure === "count") return list.length;
          if (q.top!.measure === "resolvedCount") return list.filter((c) => c.resolved_at).length;
          return list.filter((c) => c.status === "open" || c.status === "in_progress").length;
        };
        const base = {
          docs: cases,
          time: (c: CaseDocument) => (q.timeField === "CREATED_AT" ? c.created_at : c.resolved_at),
          dimensions,
          bucketing,
          fillGaps: q.fillGaps,
          top: q.top ? { limit: q.top.limit, withOther: q.top.withOther, total } : undefined,
        };
        const main = referenceRowsWithComparison(base, range, q.compareTo, zone);
        expect(
          rows.map((row) => ({
            bucket: row.bucket,
            bucketLabel: row.bucketLabel,
            status: row.status,
            severity: row.severity,
            priority: row.priority,
            tag: row.tag,
            assignee: (row.assignee as { id: string } | null)?.id ?? null,
            other: row.other,
          })),
        ).toEqual(
          main.rows.map((row) => ({
            bucket: row.bucket?.toISOString() ?? null,
            bucketLabel: row.bucket && bucketing ? bucketLabel(row.bucket, bucketing) : null,
            status: row.dims.status ? String(row.dims.status).toUpperCase() : null,
            severity: row.dims.severity ? String(row.dims.severity).toUpperCase() : null,
            priority: row.dims.priority ? String(row.dims.priority).toUpperCase() : null,
            tag: (row.dims.tag as string | undefined) ?? null,
            assignee: (row.dims.assignee as string | undefined) ?? null,
            other: row.other,
          })),
        );
        main.rows.forEach((row, i) => {
          expectMeasures(rows[i]!, row.docs as CaseDocument[], `row ${i}`);
          if (main.previous)
            expectMeasures(
              rows[i]!.previous!,
              (main.previous[i]?.docs ?? []) as CaseDocument[],
              `previous ${i}`,
            );
          else expect(rows[i]!.previous).toBeNull();
        });
      }),
      { numRuns: 40, seed: 2026 },
    );
  });

  it("caseBacklog: open at each bucket's end, opened and resolved during it, for random queries", async () => {
    const backlogArbitrary = fc.record({
      groupBy: fc.shuffledSubarray(["STATUS", "SEVERITY", "TAG", "ASSIGNEE"], { maxLength: 2 }),
      granularity: fc.constantFrom<Granularity>("DAY", "WEEK", "MONTH", "QUARTER"),
      timezone: fc.constantFrom(...ZONES),
      weekStartsOn: fc.constantFrom(...WEEKDAYS),
      from: fc.integer({ min: WINDOW_FROM, max: WINDOW_TO }),
      days: fc.integer({ min: 1, max: 120 }),
    });
    await fc.assert(
      fc.asyncProperty(backlogArbitrary, async (q) => {
        const range = {
          from: new Date(q.from).toISOString(),
          to: new Date(q.from + q.days * 86_400_000).toISOString(),
        };
        const timeBucket = { granularity: q.granularity, timezone: q.timezone, weekStartsOn: q.weekStartsOn };
        const result = await gateway.graphql(
          `query B($timeBucket: TimeBucketInput!, $range: TimeRangeInput, $groupBy: [CaseDimension!]) {
            caseBacklog(timeBucket: $timeBucket, range: $range, groupBy: $groupBy) {
              from to rows { bucket bucketLabel status severity tag assignee { id } open opened resolved } } }`,
          { timeBucket, range, groupBy: q.groupBy },
        );
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        const bucketing: ReferenceBucketing = {
          granularity: q.granularity,
          zone: q.timezone,
          weekStart: WEEKDAYS.indexOf(q.weekStartsOn) + 1,
        };
        const starts = bucketsOf(new Date(range.from), new Date(range.to), bucketing);
        const from = starts[0]!;
        const to = nextBucket(starts.at(-1)!, bucketing);
        expect(result.data.caseBacklog.from).toBe(from.toISOString());
        expect(result.data.caseBacklog.to).toBe(to.toISOString());
        const dimensions = q.groupBy.map((name) => DIMENSIONS[name]!);
        const relevant = cases.filter(
          (c) => c.created_at < to && (c.resolved_at === null || c.resolved_at.getTime() >= from.getTime()),
        );
        // The combinations present, in the API's order (the reference's rows without buckets).
        const combos = referenceRows({
          docs: relevant,
          time: () => from,
          dimensions,
          from,
          to,
          bucketing: null,
          fillGaps: false,
        }).rows.map((row) => row.dims);
        const matches = (c: CaseDocument, dims: Record<string, unknown>) =>
          dimensions.every((d) => d.values(c).includes(dims[d.field]));
        const want = starts.flatMap((start) => {
          const end = nextBucket(start, bucketing);
          const inBucket = (t: Date | null) => !!t && t >= start && t < end;
          return combos.map((dims) => {
            const mine = relevant.filter((c) => matches(c, dims));
            return {
              bucket: start.toISOString(),
              bucketLabel: bucketLabel(start, bucketing),
              status: dims.status ? String(dims.status).toUpperCase() : null,
              severity: dims.severity ? String(dims.severity).toUpperCase() : null,
              tag: (dims.tag as string | undefined) ?? null,
              assignee: dims.assignee ? { id: dims.assignee } : null,
              open: mine.filter((c) => c.created_at < end && (c.resolved_at === null || c.resolved_at >= end))
                .length,
              opened: mine.filter((c) => inBucket(c.created_at)).length,
              resolved: mine.filter((c) => inBucket(c.resolved_at)).length,
            };
          });
        });
        expect(result.data.caseBacklog.rows).toEqual(want);
      }),
      { numRuns: 15, seed: 31 },
    );
  });

  it("looks up the assignees of all rows with one batched find on users", async () => {
    gateway.resetCommands();
    const result = await gateway.graphql(
      `{ caseMetrics(groupBy: [ASSIGNEE, SEVERITY], range: { from: "2025-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z" }) {
          rows { assignee { name } severity count } } }`,
    );
    expect(result.errors).toBeUndefined();
    const names = new Set(
      result.data.caseMetrics.rows.map(
        (r: { assignee: { name: string } | null }) => r.assignee?.name ?? null,
      ),
    );
    expect(names).toEqual(new Set([null, "User 0", "User 1", "User 2"]));
    const commands = gateway.commands.map((c) => `${c.commandName}:${String(c.command[c.commandName])}`);
    expect(commands.filter((c) => c === "aggregate:cases")).toHaveLength(1);
    expect(commands.filter((c) => c === "find:users")).toHaveLength(1);
  });

  it("drill-down by TAG: each row's cases carry the tag, and their number is the row's count", async () => {
    const result = await gateway.graphql(
      `{ caseMetrics(groupBy: [TAG], range: { from: "2025-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z" }) {
          rows { tag count cases(first: 100) { totalCount edges { node { tags } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const rows = result.data.caseMetrics.rows as {
      tag: string;
      count: number;
      cases: { totalCount: number; edges: { node: { tags: string[] } }[] };
    }[];
    expect(rows.map((r) => r.tag)).toEqual([...TAGS].sort());
    for (const row of rows) {
      expect(row.count).toBe(cases.filter((c) => c.tags.includes(row.tag)).length);
      expect(row.cases.totalCount).toBe(row.count);
      for (const edge of row.cases.edges) expect(edge.node.tags).toContain(row.tag);
    }
  });
});
