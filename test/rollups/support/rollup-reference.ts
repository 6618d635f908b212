import fc from "fast-check";
import type { AlertDocument } from "../../../src/db/alert.document";
import { Severity } from "../../../src/domain/severity.enum";
import {
  ALERT_DIMENSIONS,
  type AlertMetricsQuery,
  expectedAlertMetrics,
  type Granularity,
  type RelativeName,
  WEEKDAYS,
} from "../../helpers/metric-reference";
import type { TestGateway } from "../../helpers/test-gateway";
import { alertMetricsQueryOf } from "../../helpers/metric-query-arbitraries";
import { ALERT_METRIC_ROW_FIELDS, askAlertMetrics } from "../../helpers/ask-alert-metrics";

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

export interface AlertFilterArgument {
  type?: string[];
  source?: string[];
  severity?: string[];
  resolved?: boolean;
  /** Not covered by the rollup: such queries run LIVE. */
  caseId?: string;
  timestampAfter?: string;
}

export interface MetricQuery extends AlertMetricsQuery {
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
      groupBy: fc.shuffledSubarray(Object.keys(ALERT_DIMENSIONS), { maxLength: 2 }),
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
    .map((q) =>
      // Hourly buckets over a few days only, to keep answers small.
      alertMetricsQueryOf(q, (hourly) => ({
        from: new Date(q.from).toISOString(),
        to: new Date(q.from + (hourly ? Math.min(q.minutes, 3 * 24 * 60) : q.minutes) * 60_000).toISOString(),
      })),
    );
}

/** True when the rollup does not cover the query's filter. */
export function uncovered(q: MetricQuery): boolean {
  return q.filter?.caseId !== undefined || q.filter?.timestampAfter !== undefined;
}

export interface MetricAnswer {
  from: string;
  to: string;
  comparisonFrom: string | null;
  comparisonTo: string | null;
  dataAsOf: string;
  source: "ROLLUP" | "LIVE" | "MIXED";
  rows: unknown[];
}

/** Asks the gateway over HTTP, with the answer's source; `setNow` moves the gateway's metrics clock first. */
export async function askRollupMetrics(
  gateway: TestGateway,
  q: MetricQuery,
  setNow: (now: Date) => void,
): Promise<MetricAnswer> {
  return (await askAlertMetrics(gateway, q, setNow, {
    answerFields: "from to comparisonFrom comparisonTo dataAsOf source",
    rowFields: ALERT_METRIC_ROW_FIELDS,
  })) as MetricAnswer;
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
  return expectedAlertMetrics(
    alerts.filter((a) => matchesFilter(a, q.filter)),
    q,
  );
}

/** Whether whole 15-minute buckets of [from, to) lie before the watermark, so that the rollup serves part of it. */
export function rollupServes(from: string, to: string, watermark: Date): boolean {
  const quarter = 900_000;
  const start = Math.ceil(Date.parse(from) / quarter) * quarter;
  const end = Math.min(Math.floor(Date.parse(to) / quarter) * quarter, watermark.getTime());
  return start < end;
}
