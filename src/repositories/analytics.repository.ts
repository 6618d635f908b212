import type { Db, Document, ObjectId } from "mongodb";
import type { CaseStatus } from "../domain/case-status.enum";
import type { Severity } from "../domain/severity.enum";
import { COLLECTIONS } from "../db/collection-names";
import {
  alertSeverityBreakdownPipeline,
  type AlertSeverityRow,
} from "../pipelines/alert-severity-breakdown.pipeline";
import { alertTrendsPipeline, type AlertTrendRow } from "../pipelines/alert-trends.pipeline";
import { caseStatisticsPipeline, type CaseStatisticsRow } from "../pipelines/case-statistics.pipeline";
import { fillMetricGaps } from "../pipelines/fill-metric-gaps";
import { ALERT_DIMENSIONS } from "../pipelines/metric-dimensions";
import { resolveTimeZone } from "../pipelines/resolve-time-zone";
import { SEVERITIES_BY_RANK_DESC } from "../pipelines/severity-order";
import type { TrendGranularity } from "../pipelines/time-granularity";
import { resolveTrendWindow } from "../pipelines/trend-window";
import { ZonedCalendar } from "../pipelines/zoned-calendar";
import type { RollupReader } from "./rollup-reader";
import { runAggregation } from "./run-aggregation";

export interface AnalyticsRepositoryOptions {
  /** Time limit of every aggregation; past it the query fails with TIMEOUT. */
  maxTimeMS: number;
  /** Largest number of buckets an alertTrends window may have (default 10,000: ~14 months hourly). */
  maxTrendBuckets?: number;
  /** Reads alertTrends and alertSeverityBreakdown from alert_rollups (absent: always live). */
  rollups?: RollupReader;
}

export interface CaseStatisticsQuery {
  createdAfter?: Date;
  createdBefore?: Date;
  /** Any of these; an empty list matches nothing. */
  tags?: string[];
  assigneeId?: ObjectId;
}

export interface AlertTrendsQuery {
  /** Default: `to` - 7 days. */
  from?: Date;
  /** Default: `now`. */
  to?: Date;
  granularity: TrendGranularity;
  /** IANA name; buckets start at local midnight (Monday for weeks, the 1st for months). */
  timezone: string;
  /** Absent: every type; an empty list matches none. */
  types?: string[];
  /** Zero rows for every bucket of the window, for every type present in the result. */
  fillGaps: boolean;
  /** The clock, for tests; default: the current time. */
  now?: Date;
}

export interface AlertSeverityBreakdownQuery {
  resolved: boolean;
}

export const DEFAULT_MAX_TREND_BUCKETS = 10_000;

/** The analytics queries dashboards poll: each one aggregation, bounded by maxTimeMS. */
export class AnalyticsRepository {
  private readonly maxTimeMS: number;
  private readonly maxTrendBuckets: number;
  private readonly rollups: RollupReader | undefined;

  constructor(
    private readonly db: Db,
    options: AnalyticsRepositoryOptions,
  ) {
    this.maxTimeMS = options.maxTimeMS;
    this.maxTrendBuckets = options.maxTrendBuckets ?? DEFAULT_MAX_TREND_BUCKETS;
    this.rollups = options.rollups;
  }

  /**
   * Cases per (status, severity): count and mean resolution time in seconds over the
   * cases that have resolved_at (null when none has). Most severe first, then in
   * workflow order. createdAfter is inclusive, createdBefore exclusive.
   */
  async caseStatistics(q: CaseStatisticsQuery): Promise<
    {
      status: CaseStatus;
      severity: Severity;
      count: number;
      avgResolutionTimeSeconds: number | null;
    }[]
  > {
    const rows = await this.aggregate<CaseStatisticsRow>(COLLECTIONS.cases, caseStatisticsPipeline(q));
    return rows.map((row) => ({
      status: row.status,
      severity: row.severity,
      count: row.count,
      avgResolutionTimeSeconds: row.avgResolutionTimeSeconds,
    }));
  }

  /**
   * Alerts per bucket and type in [from, to), buckets following the wall clock of
   * `timezone`, ordered by bucket then type. BadUserInputError for an unknown zone,
   * from > to, or a window of more than maxTrendBuckets buckets.
   */
  async alertTrends(
    q: AlertTrendsQuery,
  ): Promise<{ bucket: Date; date: string; type: string; count: number }[]> {
    const timezone = resolveTimeZone(q.timezone);
    const calendar = ZonedCalendar.of(timezone);
    const window = resolveTrendWindow({
      from: q.from,
      to: q.to,
      now: q.now ?? new Date(),
      granularity: q.granularity,
      calendar,
      maxBuckets: this.maxTrendBuckets,
    });
    if (window.buckets.length === 0) return [];

    const fromRollup = await this.rollups?.read({
      from: window.from,
      to: window.to,
      filter: q.types ? { type: { $in: [...q.types] } } : {},
      bucket: { unit: q.granularity, timezone },
      boundaries: [...window.buckets, calendar.next(window.buckets.at(-1)!, q.granularity)],
      dimensions: [ALERT_DIMENSIONS.type],
      accumulators: { count: { $sum: 1 } },
    });
    const rows: AlertTrendRow[] = fromRollup
      ? fromRollup.rows.map((row) => ({
          bucket: row.bucket as Date,
          date: calendar.localDate(row.bucket as Date),
          type: row.type as string,
          count: Number(row.count),
        }))
      : await this.aggregate<AlertTrendRow>(
          COLLECTIONS.alerts,
          alertTrendsPipeline({
            from: window.from,
            to: window.to,
            granularity: q.granularity,
            timezone,
            types: q.types,
          }),
        );
    const mapped = rows.map((row) => ({
      bucket: row.bucket,
      date: row.date,
      type: row.type,
      count: row.count,
    }));
    return q.fillGaps
      ? fillMetricGaps(mapped, window.buckets, [ALERT_DIMENSIONS.type], (bucket, { type }) => ({
          bucket,
          date: calendar.localDate(bucket),
          type,
          count: 0,
        }))
      : mapped;
  }

  /**
   * Alerts per severity among resolved or unresolved alerts: always all four severities,
   * most severe first, with 0 for those without alerts, so dashboards get a stable shape.
   */
  async alertSeverityBreakdown(
    q: AlertSeverityBreakdownQuery,
  ): Promise<{ severity: Severity; count: number }[]> {
    const fromRollup = await this.rollups?.read({
      filter: { resolved: q.resolved },
      dimensions: [ALERT_DIMENSIONS.severity],
      accumulators: { count: { $sum: 1 } },
    });
    const rows = fromRollup
      ? (fromRollup.rows as unknown as AlertSeverityRow[])
      : await this.aggregate<AlertSeverityRow>(COLLECTIONS.alerts, alertSeverityBreakdownPipeline(q));
    const counts = new Map(rows.map((row) => [row.severity, row.count]));
    return SEVERITIES_BY_RANK_DESC.map((severity) => ({ severity, count: counts.get(severity) ?? 0 }));
  }

  private aggregate<TRow extends Document>(collection: string, pipeline: Document[]): Promise<TRow[]> {
    // A maxTimeMS timeout becomes TIMEOUT in formatError, the one place that maps it.
    return runAggregation<TRow>(this.db, collection, pipeline, this.maxTimeMS);
  }
}
