/**
 * The metrics API's scenarios of bench/gateway.bench.ts and their hand-written
 * baselines: the same answers from one aggregation each, with the gaps filled and the
 * labels written by hand (Luxon for the calendar), without the gateway's pipeline builder.
 */
import { DateTime } from "luxon";
import type { Db } from "mongodb";
import type { AlertDocument } from "../src/db/alert.document";
import type { CaseDocument } from "../src/db/case.document";
import { COLLECTIONS } from "../src/db/collection-names";

interface MetricsScenario {
  name: string;
  request(n: number): { operationName: string; query: string; variables: Record<string, unknown> };
}

const DAY_MS = 86_400_000;
const ZONE = "Europe/Berlin";
const SEVERITIES = ["critical", "high", "medium", "low"];

const ALERT_METRICS = `query AlertMetrics($from: DateTime, $to: DateTime) {
  alertMetrics(groupBy: [TYPE], timeBucket: { granularity: DAY, timezone: "${ZONE}" }, range: { from: $from, to: $to }) {
    rows { bucket bucketLabel type count }
  }
}`;

const CASE_METRICS = `query CaseMetrics($from: DateTime, $to: DateTime) {
  caseMetrics(groupBy: [SEVERITY], timeBucket: { granularity: MONTH }, range: { from: $from, to: $to }) {
    rows { bucket bucketLabel severity count resolutionTime { p50 p90 } }
  }
}`;

/** alertMetrics (type × local day in Berlin, last 30 days) and caseMetrics (severity × month, p50/p90). */
export function metricsScenarios(now: Date): MetricsScenario[] {
  const last30Days = { from: new Date(now.getTime() - 30 * DAY_MS).toISOString(), to: now.toISOString() };
  const lastYear = { from: new Date(now.getTime() - 365 * DAY_MS).toISOString(), to: now.toISOString() };
  return [
    {
      name: "alertMetrics (TYPE, daily, 30 d, Berlin)",
      request: () => ({ operationName: "AlertMetrics", query: ALERT_METRICS, variables: last30Days }),
    },
    {
      name: "caseMetrics (SEVERITY, monthly, p50/p90)",
      request: () => ({ operationName: "CaseMetrics", query: CASE_METRICS, variables: lastYear }),
    },
  ];
}

/** The baseline's handlers for the two operations. */
export function metricsDirectHandlers(
  db: Db,
  maxTimeMS: number,
): Record<string, (variables: Record<string, unknown>) => Promise<unknown>> {
  const alerts = db.collection<AlertDocument>(COLLECTIONS.alerts);
  const cases = db.collection<CaseDocument>(COLLECTIONS.cases);
  return {
    AlertMetrics: async ({ from, to }) => {
      const start = new Date(String(from));
      const end = new Date(String(to));
      const groups = await alerts
        .aggregate<{ _id: { bucket: Date; type: string }; count: number }>(
          [
            { $match: { timestamp: { $gte: start, $lt: end } } },
            {
              $group: {
                _id: {
                  bucket: { $dateTrunc: { date: "$timestamp", unit: "day", timezone: ZONE } },
                  type: "$type",
                },
                count: { $sum: 1 },
              },
            },
          ],
          { maxTimeMS },
        )
        .toArray();
      const types = [...new Set(groups.map((g) => g._id.type))].sort();
      const counts = new Map(groups.map((g) => [`${g._id.bucket.getTime()}|${g._id.type}`, g.count]));
      const rows = [];
      for (
        let day = DateTime.fromJSDate(start, { zone: ZONE }).startOf("day");
        day.toMillis() < end.getTime();
        day = day.plus({ days: 1 }).startOf("day")
      ) {
        for (const type of types) {
          rows.push({
            bucket: day.toJSDate().toISOString(),
            bucketLabel: day.toFormat("yyyy-MM-dd"),
            type,
            count: counts.get(`${day.toMillis()}|${type}`) ?? 0,
          });
        }
      }
      return { alertMetrics: { rows } };
    },
    CaseMetrics: async ({ from, to }) => {
      const start = new Date(String(from));
      const end = new Date(String(to));
      const duration = {
        $cond: [
          { $eq: [{ $type: "$resolved_at" }, "date"] },
          { $subtract: ["$resolved_at", "$created_at"] },
          null,
        ],
      };
      const groups = await cases
        .aggregate<{
          _id: { bucket: Date; severity: string };
          count: number;
          resolved: number;
          p: number[] | null;
        }>(
          [
            { $match: { created_at: { $gte: start, $lt: end } } },
            {
              $group: {
                _id: {
                  bucket: { $dateTrunc: { date: "$created_at", unit: "month" } },
                  severity: "$severity",
                },
                count: { $sum: 1 },
                resolved: { $sum: { $cond: [{ $eq: [{ $type: "$resolved_at" }, "date"] }, 1, 0] } },
                p: { $percentile: { input: duration, p: [0.5, 0.9], method: "approximate" } },
              },
            },
          ],
          { maxTimeMS },
        )
        .toArray();
      const severities = SEVERITIES.filter((s) => groups.some((g) => g._id.severity === s));
      const byKey = new Map(groups.map((g) => [`${g._id.bucket.getTime()}|${g._id.severity}`, g]));
      const rows = [];
      for (
        let month = DateTime.fromJSDate(start, { zone: "UTC" }).startOf("month");
        month.toMillis() < end.getTime();
        month = month.plus({ months: 1 })
      ) {
        for (const severity of severities) {
          const group = byKey.get(`${month.toMillis()}|${severity}`);
          rows.push({
            bucket: month.toJSDate().toISOString(),
            bucketLabel: month.toFormat("yyyy-MM"),
            severity: severity.toUpperCase(),
            count: group?.count ?? 0,
            resolutionTime:
              group && group.resolved > 0
                ? { p50: (group.p?.[0] ?? 0) / 1000, p90: (group.p?.[1] ?? 0) / 1000 }
                : null,
          });
        }
      }
      return { caseMetrics: { rows } };
    },
  };
}
