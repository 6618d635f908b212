import { type Db, type Document, MongoServerError, type ObjectId } from "mongodb";
import type { CaseStatus } from "../domain/case-status.enum";
import type { Severity } from "../domain/severity.enum";
import type { AlertDocument } from "../db/alert.document";
import type { CaseDocument } from "../db/case.document";
import { COLLECTIONS } from "../db/collection-names";
import { TimeoutError } from "../errors/gateway-error";
import {
  alertSeverityBreakdownPipeline,
  type AlertSeverityRow,
} from "../pipelines/alert-severity-breakdown.pipeline";
import { alertTrendsPipeline, type AlertTrendRow } from "../pipelines/alert-trends.pipeline";
import { caseStatisticsPipeline, type CaseStatisticsRow } from "../pipelines/case-statistics.pipeline";
import { fillTrendGaps } from "../pipelines/fill-trend-gaps";
import { resolveTimeZone } from "../pipelines/resolve-time-zone";
import { SEVERITIES_BY_RANK_DESC } from "../pipelines/severity-order";
import type { TrendGranularity } from "../pipelines/trend-granularity";
import { resolveTrendWindow } from "../pipelines/trend-window";
import { ZonedCalendar } from "../pipelines/zoned-calendar";

export interface AnalyticsRepositoryOptions {
  /** Time limit of every aggregation; past it the query fails with TIMEOUT. */
  maxTimeMS: number;
  /** Largest number of buckets an alertTrends window may have (default 10,000: ~14 months hourly). */
  maxTrendBuckets?: number;
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

  constructor(
    private readonly db: Db,
    options: AnalyticsRepositoryOptions,
  ) {
    this.maxTimeMS = options.maxTimeMS;
    this.maxTrendBuckets = options.maxTrendBuckets ?? DEFAULT_MAX_TREND_BUCKETS;
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
    const rows = await this.aggregate<CaseDocument, CaseStatisticsRow>(
      COLLECTIONS.cases,
      caseStatisticsPipeline(q),
    );
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

    const rows = await this.aggregate<AlertDocument, AlertTrendRow>(
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
    return q.fillGaps ? fillTrendGaps(mapped, window.buckets, calendar) : mapped;
  }

  /**
   * Alerts per severity among resolved or unresolved alerts: always all four severities,
   * most severe first, with 0 for those without alerts, so dashboards get a stable shape.
   */
  async alertSeverityBreakdown(
    q: AlertSeverityBreakdownQuery,
  ): Promise<{ severity: Severity; count: number }[]> {
    const rows = await this.aggregate<AlertDocument, AlertSeverityRow>(
      COLLECTIONS.alerts,
      alertSeverityBreakdownPipeline(q),
    );
    const counts = new Map(rows.map((row) => [row.severity, row.count]));
    return SEVERITIES_BY_RANK_DESC.map((severity) => ({ severity, count: counts.get(severity) ?? 0 }));
  }

  private async aggregate<TSchema extends Document, TRow extends Document>(
    collection: string,
    pipeline: Document[],
  ): Promise<TRow[]> {
    try {
      return await this.db
        .collection<TSchema>(collection)
        .aggregate<TRow>(pipeline, { maxTimeMS: this.maxTimeMS })
        .toArray();
    } catch (error) {
      if (error instanceof MongoServerError && error.code === MAX_TIME_MS_EXPIRED) throw new TimeoutError();
      throw error;
    }
  }
}

/** MongoDB's error code for an operation that ran past maxTimeMS. */
const MAX_TIME_MS_EXPIRED = 50;
