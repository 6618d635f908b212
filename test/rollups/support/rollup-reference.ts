import fc from "fast-check";
import { expect } from "vitest";
import type { AlertDocument } from "../../../src/db/alert.document";
import { Severity } from "../../../src/domain/severity.enum";
import {
  bucketLabel,
  bucketsOf,
  type Granularity,
  matchRows,
  type ReferenceBucketing,
  type ReferenceDimension,
  type ReferenceRange,
  referenceComparison,
  referenceRows,
  relativeRange,
  type RelativeName,
  WEEKDAYS,
} from "../../helpers/metric-reference";
import type { TestGateway } from "../../helpers/test-gateway";

// alertMetrics with rollups against the plain reference of test/analytics/fixtures (Luxon
// for the calendar), over the alerts as the driver reads them at the moment of the query.

/** Zones whose offsets are multiples of 15 minutes, with and without DST. */
export const ROLLUP_ZONES = [
  "UTC",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "America/St_Johns",
  "Europe/Berlin",
  "America/New_York",
];
export const TYPES = ["cpu", "disk", "net"];
export const SOURCES = ["grafana", "prometheus"];
export const SEVERITIES = [Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW];
const RELATIVE: RelativeName[] = [
  "LAST_24_HOURS",
  "LAST_7_DAYS",
  "TODAY",
  "YESTERDAY",
  "THIS_WEEK",
  "THIS_MONTH",
];

const DIMENSIONS: Record<string, ReferenceDimension<AlertDocument>> = {
  TYPE: { field: "type", values: (a) => [a.type] },
  SOURCE: { field: "source", values: (a) => [a.source] },
  SEVERITY: { field: "severity", values: (a) => [a.severity], order: SEVERITIES },
  RESOLVED: { field: "resolved", values: (a) => [a.resolved] },
};

export interface AlertFilterArgument {
  type?: string[];
  source?: string[];
  severity?: string[];
  resolved?: boolean;
  /** Not covered by the rollup: such queries run LIVE. */
  caseId?: string;
  timestampAfter?: string;
}

export interface MetricQuery {
  groupBy: string[];
  timeBucket: { granularity: Granularity; timezone: string; weekStartsOn: string } | null;
  range: { from: string; to: string } | { relative: RelativeName };
  now: number;
  compareTo: "PREVIOUS_PERIOD" | "PREVIOUS_YEAR" | null;
  fillGaps: boolean;
  top: { measure: "count" | "resolvedCount" | "unresolvedCount"; limit: number; withOther: boolean } | null;
  filter: AlertFilterArgument | null;
}

/** Random alertMetrics queries over [windowFrom, windowTo), some with a filter the rollup does not cover. */
export function metricQueries(
  windowFrom: number,
  windowTo: number,
  caseId: string,
): fc.Arbitrary<MetricQuery> {
  return fc
    .record({
      groupBy: fc.shuffledSubarray(Object.keys(DIMENSIONS), { maxLength: 2 }),
      granularity: fc.option(fc.constantFrom<Granularity>("HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR")),
      timezone: fc.constantFrom(...ROLLUP_ZONES),
      weekStartsOn: fc.constantFrom(...WEEKDAYS),
      from: fc.integer({ min: windowFrom - 5 * 86_400_000, max: windowTo }),
      minutes: fc.integer({ min: 0, max: 40 * 24 * 60 }),
      relative: fc.option(fc.constantFrom(...RELATIVE), { freq: 4 }),
      now: fc.integer({ min: windowTo - 10 * 86_400_000, max: windowTo + 3 * 86_400_000 }),
      compareTo: fc.option(fc.constantFrom("PREVIOUS_PERIOD" as const, "PREVIOUS_YEAR" as const), {
        freq: 4,
      }),
      fillGaps: fc.boolean(),
      top: fc.option(
        fc.record({
          measure: fc.constantFrom("count" as const, "resolvedCount" as const, "unresolvedCount" as const),
          limit: fc.integer({ min: 1, max: 3 }),
          withOther: fc.boolean(),
        }),
        { freq: 4 },
      ),
      filter: fc.option(
        fc.oneof(
          fc.record({ severity: fc.subarray(["CRITICAL", "HIGH", "MEDIUM", "LOW"], { minLength: 1 }) }),
          fc.record({ resolved: fc.boolean() }),
          fc.record({
            type: fc.subarray(TYPES, { minLength: 1 }),
            source: fc.subarray(SOURCES, { minLength: 1 }),
          }),
          fc.constant({ caseId }),
          fc
            .integer({ min: windowFrom, max: windowTo })
            .map((t) => ({ timestampAfter: new Date(t).toISOString() })),
        ),
        { freq: 2 },
      ),
    })
    .map((q) => {
      // Hourly buckets over a few days only, to keep answers small.
      const minutes = q.granularity === "HOUR" ? Math.min(q.minutes, 3 * 24 * 60) : q.minutes;
      const relative = q.granularity === "HOUR" ? null : q.relative;
      return {
        groupBy: q.groupBy,
        timeBucket: q.granularity
          ? { granularity: q.granularity, timezone: q.timezone, weekStartsOn: q.weekStartsOn }
          : null,
        range: relative
          ? { relative }
          : { from: new Date(q.from).toISOString(), to: new Date(q.from + minutes * 60_000).toISOString() },
        now: q.now,
        compareTo: q.compareTo,
        fillGaps: q.fillGaps,
        top: q.top,
        filter: q.filter,
      };
    });
}

/** True when the rollup does not cover the query's filter. */
export function uncovered(q: MetricQuery): boolean {
  return q.filter?.caseId !== undefined || q.filter?.timestampAfter !== undefined;
}

const ROW_FIELDS = `bucket bucketLabel type source severity resolved other count resolvedCount unresolvedCount resolvedRatio
  previous { count resolvedCount unresolvedCount resolvedRatio }`;

export interface MetricAnswer {
  from: string;
  to: string;
  comparisonFrom: string | null;
  comparisonTo: string | null;
  dataAsOf: string;
  source: "ROLLUP" | "LIVE" | "MIXED";
  rows: unknown[];
}

/** Asks the gateway over HTTP; `setNow` moves the gateway's metrics clock first. */
export async function askAlertMetrics(
  gateway: TestGateway,
  q: MetricQuery,
  setNow: (now: Date) => void,
): Promise<MetricAnswer> {
  setNow(new Date(q.now));
  const result = await gateway.graphql(
    `query M($groupBy: [AlertDimension!], $timeBucket: TimeBucketInput, $range: TimeRangeInput, $filter: AlertFilter,
             $compareTo: Comparison, $fillGaps: Boolean, $top: TopInput) {
      alertMetrics(groupBy: $groupBy, timeBucket: $timeBucket, range: $range, filter: $filter, compareTo: $compareTo,
                   fillGaps: $fillGaps, top: $top) {
        from to comparisonFrom comparisonTo dataAsOf source rows { ${ROW_FIELDS} } } }`,
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
  return result.data.alertMetrics as MetricAnswer;
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

function matchesFilter(a: AlertDocument, filter: AlertFilterArgument | null): boolean {
  if (!filter) return true;
  return (
    (!filter.type || filter.type.includes(a.type)) &&
    (!filter.source || filter.source.includes(a.source)) &&
    (!filter.severity || filter.severity.includes(a.severity.toUpperCase())) &&
    (filter.resolved === undefined || a.resolved === filter.resolved) &&
    (filter.caseId === undefined || a.case_id?.toHexString() === filter.caseId) &&
    (filter.timestampAfter === undefined || a.timestamp.getTime() >= Date.parse(filter.timestampAfter))
  );
}

/** The answer the reference computes from `alerts` (as the driver reads them). */
export function expectedAnswer(alerts: readonly AlertDocument[], q: MetricQuery) {
  const zone = q.timeBucket?.timezone ?? "UTC";
  const weekStart =
    WEEKDAYS.indexOf((q.timeBucket?.weekStartsOn ?? "MONDAY") as (typeof WEEKDAYS)[number]) + 1;
  const range: ReferenceRange =
    "relative" in q.range
      ? relativeRange(q.range.relative, new Date(q.now), zone, weekStart)
      : { from: new Date(q.range.from), to: new Date(q.range.to), period: null };
  const bucketing: ReferenceBucketing | null = q.timeBucket
    ? { granularity: q.timeBucket.granularity, zone, weekStart }
    : null;
  const docs = alerts.filter((a) => matchesFilter(a, q.filter));
  const dimensions = q.groupBy.map((name) => DIMENSIONS[name]!);
  const top = q.top
    ? { limit: q.top.limit, withOther: q.top.withOther, total: (d: unknown[]) => measures(d)[q.top!.measure] }
    : undefined;
  const base = {
    docs,
    time: (a: AlertDocument) => a.timestamp,
    dimensions,
    bucketing,
    fillGaps: q.fillGaps,
    top,
  };
  const main = referenceRows({ ...base, from: range.from, to: range.to });
  let previous: ReturnType<typeof matchRows> | null = null;
  let comparison: { from: Date; to: Date } | null = null;
  if (q.compareTo) {
    comparison = referenceComparison(range, q.compareTo, zone);
    const prev = referenceRows({ ...base, ...comparison, keep: main.kept ?? undefined });
    previous = matchRows(
      main.rows,
      prev.rows,
      bucketing ? bucketsOf(range.from, range.to, bucketing) : null,
      bucketing ? bucketsOf(comparison.from, comparison.to, bucketing) : null,
      dimensions,
    );
  }
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    rows: main.rows.map((row, i) => ({
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

/** Whether whole 15-minute buckets of [from, to) lie before the watermark, so that the rollup serves part of it. */
export function rollupServes(from: string, to: string, watermark: Date): boolean {
  const quarter = 900_000;
  const start = Math.ceil(Date.parse(from) / quarter) * quarter;
  const end = Math.min(Math.floor(Date.parse(to) / quarter) * quarter, watermark.getTime());
  return start < end;
}
