import type { Collection, Db, Document } from "mongodb";
import type { AlertRecord } from "../domain/alert.record";
import type { CaseRecord } from "../domain/case.record";
import type { AlertDocument } from "../db/alert.document";
import type { CaseDocument } from "../db/case.document";
import { COLLECTIONS } from "../db/collection-names";
import { BadUserInputError } from "../errors/gateway-error";
import type { MetricsConfig } from "../domain/metrics-config";
import { combineMetricSources, MetricSource } from "../domain/metric-source.enum";
import type { RollupReader } from "./rollup-reader";
import { ALERT_MEASURES, type AlertMeasureRaw, type AlertMeasureValues } from "../pipelines/alert-measures";
import {
  type CaseMeasureRaw,
  type CaseMeasureValues,
  caseMeasures,
  type DurationPercentile,
} from "../pipelines/case-measures";
import {
  backlogBucketDimensions,
  backlogMatch,
  type BacklogRow,
  backlogRows,
} from "../pipelines/case-backlog";
import type { MetricDimension } from "../pipelines/metric-dimension";
import {
  ALERT_DIMENSIONS,
  type AlertDimensionName,
  CASE_DIMENSIONS,
  type CaseDimensionName,
} from "../pipelines/metric-dimensions";
import type { MeasureSet } from "../pipelines/metric-measures";
import {
  comparisonRange,
  type MetricComparison,
  type RelativeRange,
  resolveMetricRange,
} from "../pipelines/metric-range";
import { metricRowFilter } from "../pipelines/metric-row-filter";
import { metricsPipeline } from "../pipelines/metrics.pipeline";
import { resolveTimeZone } from "../pipelines/resolve-time-zone";
import {
  matchPrevious,
  type ShapedMetricRow,
  shapeMetricRows,
  type TopSpec,
} from "../pipelines/shape-metric-rows";
import type { IsoWeekday, TimeGranularity } from "../pipelines/time-granularity";
import { resolveTrendWindow } from "../pipelines/trend-window";
import { ZonedCalendar } from "../pipelines/zoned-calendar";
import { toAlert } from "./alert.mapper";
import { toCase } from "./case.mapper";
import { findPage } from "./find-page";
import { ALERT_ORDERINGS, CASE_ORDERINGS, listOrdering } from "./list-ordering";
import type { Page } from "./page";
import { runAggregation } from "./run-aggregation";

export interface MetricsRepositoryOptions {
  maxTimeMS: number;
  metrics: MetricsConfig;
  /** Reads covered alert queries from alert_rollups (absent: ROLLUPS=off, everything live). */
  rollups?: RollupReader;
}

/** Buckets of a metrics query (validated at the edge, the zone here). */
export interface TimeBucketQuery {
  granularity: TimeGranularity;
  timezone: string;
  weekStart: IsoWeekday;
}

export interface MetricRangeQuery {
  from?: Date;
  to?: Date;
  relative?: RelativeRange;
}

/** What alertMetrics, caseMetrics and caseBacklog share. */
export interface MetricsQueryBase {
  timeBucket?: TimeBucketQuery;
  range?: MetricRangeQuery;
  compareTo?: MetricComparison;
  fillGaps: boolean;
  top?: TopSpec;
  /** The measures selected anywhere in the rows (and their `previous`): only those are computed. */
  selected: ReadonlySet<string>;
}

export interface AlertMetricsQuery extends MetricsQueryBase {
  groupBy: readonly AlertDimensionName[];
  /** The MongoDB filter of the query's AlertFilter. */
  filter: Document;
}

export interface CaseMetricsQuery extends MetricsQueryBase {
  groupBy: readonly CaseDimensionName[];
  timeField: "created_at" | "resolved_at";
  /** The MongoDB filter of the query's CaseFilter. */
  filter: Document;
  /** The resolutionTime percentiles selected. */
  percentiles: readonly DurationPercentile[];
}

export interface CaseBacklogQuery {
  timeBucket: TimeBucketQuery;
  range?: MetricRangeQuery;
  groupBy: readonly CaseDimensionName[];
  /** The MongoDB filter of the query's CaseFilter. */
  filter: Document;
}

export interface CaseBacklogAnswer {
  rows: (BacklogRow & { bucketLabel: string })[];
  from: Date;
  to: Date;
  timezone: string;
  dataAsOf: Date;
  /** Always LIVE: backlogs are not rolled up. */
  source: MetricSource;
}

/** One answer row: bucket and label, dimension values, `other`, raw measures, comparison, drill-down filter. */
export interface MetricAnswerRow<TRaw, TValues> extends ShapedMetricRow<TRaw> {
  bucketLabel: string | null;
  /** The row's measures. */
  values: TValues;
  /** The measures of the matching comparison row; null without compareTo. */
  previous: TValues | null;
  /** The documents behind the row (see metricRowFilter). */
  drillDown: Document;
}

export interface MetricAnswer<TRaw, TValues> {
  rows: MetricAnswerRow<TRaw, TValues>[];
  from: Date;
  to: Date;
  timezone: string;
  comparisonFrom: Date | null;
  comparisonTo: Date | null;
  /** The clock's time when the database was read. */
  dataAsOf: Date;
  /** ROLLUP, LIVE or MIXED: where the rows came from (README "Rollups"). */
  source: MetricSource;
}

interface MetricRunSpec<TRaw, TValues extends object> {
  collection: string;
  /** The stored instant the range and buckets apply to. */
  timeField: string;
  dimensions: readonly MetricDimension[];
  measures: MeasureSet<TRaw, TValues>;
  filter: Document;
  query: MetricsQueryBase;
  /** Set for alerts: covered queries read alert_rollups. */
  rollups?: RollupReader;
}

/**
 * The metrics API: one aggregation per query built by metricsPipeline (plus one for the
 * comparison period), shaped by shapeMetricRows; drill-down pages of the rows' documents.
 */
export class MetricsRepository {
  private readonly alerts: Collection<AlertDocument>;
  private readonly cases: Collection<CaseDocument>;

  constructor(
    private readonly db: Db,
    private readonly options: MetricsRepositoryOptions,
  ) {
    this.alerts = db.collection<AlertDocument>(COLLECTIONS.alerts);
    this.cases = db.collection<CaseDocument>(COLLECTIONS.cases);
  }

  alertMetrics(query: AlertMetricsQuery): Promise<MetricAnswer<AlertMeasureRaw, AlertMeasureValues>> {
    return this.run({
      collection: COLLECTIONS.alerts,
      timeField: "timestamp",
      dimensions: query.groupBy.map((name) => ALERT_DIMENSIONS[name]),
      measures: ALERT_MEASURES,
      filter: query.filter,
      query,
      rollups: this.options.rollups,
    });
  }

  caseMetrics(query: CaseMetricsQuery): Promise<MetricAnswer<CaseMeasureRaw, CaseMeasureValues>> {
    return this.run({
      collection: COLLECTIONS.cases,
      timeField: query.timeField,
      dimensions: query.groupBy.map((name) => CASE_DIMENSIONS[name]),
      measures: caseMeasures(this.options.metrics.slaTargetsMs, query.percentiles),
      filter: query.filter,
      query,
    });
  }

  /**
   * Open, opened and resolved cases per bucket and combination: one aggregation grouping
   * cases by the buckets they were opened and resolved in, folded into running totals.
   * The range is widened to whole buckets, so every bucket's "open at its end" is exact.
   */
  async caseBacklog(query: CaseBacklogQuery): Promise<CaseBacklogAnswer> {
    const maxRows = this.options.metrics.maxMetricRows;
    const now = this.options.metrics.now?.() ?? new Date();
    const timezone = resolveTimeZone(query.timeBucket.timezone, "timeBucket.timezone");
    const calendar = ZonedCalendar.of(timezone);
    const { granularity, weekStart } = query.timeBucket;
    const range = resolveMetricRange({ ...query.range, now, calendar, weekStart });
    const buckets = resolveTrendWindow({
      from: range.from,
      to: range.to,
      now,
      granularity,
      weekStart,
      calendar,
      maxBuckets: maxRows,
      bucketArgument: "timeBucket",
    }).buckets;
    if (buckets.length === 0) {
      return { rows: [], from: range.from, to: range.to, timezone, dataAsOf: now, source: MetricSource.LIVE };
    }
    const from = buckets[0]!;
    const to = calendar.next(buckets.at(-1)!, granularity);
    const dimensions = query.groupBy.map((name) => CASE_DIMENSIONS[name]);
    const match = backlogMatch(from, to);
    const groups = await runAggregation<Record<string, unknown>>(
      this.db,
      COLLECTIONS.cases,
      metricsPipeline({
        match: Object.keys(query.filter).length === 0 ? match : { $and: [match, query.filter] },
        dimensions: [...dimensions, ...backlogBucketDimensions({ unit: granularity, timezone, weekStart })],
        sortBy: dimensions,
        accumulators: { count: { $sum: 1 } },
        limit: 10 * maxRows + 1,
      }),
      this.options.maxTimeMS,
    );
    if (groups.length > 10 * maxRows) throw tooManyRows(maxRows, "groupBy");
    const rows = backlogRows(groups, buckets, dimensions);
    if (rows.length > maxRows) throw tooManyRows(maxRows, "groupBy");
    return {
      rows: rows.map((row) => ({ ...row, bucketLabel: calendar.label(row.bucket, granularity, weekStart) })),
      from,
      to,
      timezone,
      dataAsOf: now,
      source: MetricSource.LIVE,
    };
  }

  /** One page of the alerts behind a metric row, newest first. */
  async alertPage(filter: Document, first: number, after?: string | null): Promise<Page<AlertRecord>> {
    const query = { filter, ordering: listOrdering(ALERT_ORDERINGS, undefined) };
    return findPage(this.alerts, this.options, query, { first, after }, toAlert);
  }

  /** One page of the cases behind a metric row, newest first. */
  async casePage(filter: Document, first: number, after?: string | null): Promise<Page<CaseRecord>> {
    const query = { filter, ordering: listOrdering(CASE_ORDERINGS, undefined) };
    return findPage(this.cases, this.options, query, { first, after }, toCase);
  }

  private async run<TRaw, TValues extends object>(
    spec: MetricRunSpec<TRaw, TValues>,
  ): Promise<MetricAnswer<TRaw, TValues>> {
    const { query, dimensions, measures } = spec;
    const maxRows = this.options.metrics.maxMetricRows;
    const now = this.options.metrics.now?.() ?? new Date();
    const timezone = resolveTimeZone(query.timeBucket?.timezone ?? "UTC", "timeBucket.timezone");
    const calendar = ZonedCalendar.of(timezone);
    const weekStart = query.timeBucket?.weekStart ?? 1;
    if (query.top && !measures.rankable.includes(query.top.measure)) {
      throw new BadUserInputError(
        `top.measure: "${query.top.measure}" is not a measure top can rank here; use one of ${measures.rankable.join(", ")}`,
        { argument: "top.measure" },
      );
    }
    const range = resolveMetricRange({ ...query.range, now, calendar, weekStart });
    const bucketsOf = (from: Date, to: Date): Date[] | null =>
      query.timeBucket
        ? resolveTrendWindow({
            from,
            to,
            now,
            granularity: query.timeBucket.granularity,
            weekStart,
            calendar,
            maxBuckets: maxRows,
            bucketArgument: "timeBucket",
          }).buckets
        : null;
    const buckets = bucketsOf(range.from, range.to);
    const rowsPerBucket = query.top ? query.top.limit + (query.top.withOther ? 1 : 0) : 1;
    if (buckets && buckets.length * rowsPerBucket > maxRows) {
      throw tooManyRows(maxRows, "timeBucket");
    }
    const comparison = query.compareTo ? comparisonRange(range, query.compareTo, calendar) : null;
    const comparisonBuckets = comparison ? bucketsOf(comparison.from, comparison.to) : null;

    const accumulators = measures.accumulators(query.selected, { foldable: query.top?.withOther === true });
    // Without top every database row is an answer row; with top, the rows folded away
    // are bounded too, so that memory stays bounded.
    const limit = (query.top ? 10 * maxRows : maxRows) + 1;
    const sources: MetricSource[] = [];
    const read = async (
      from: Date,
      to: Date,
      readBuckets: readonly Date[] | null,
    ): Promise<Record<string, unknown>[]> => {
      if (spec.rollups) {
        const unit = query.timeBucket?.granularity;
        const answer = await spec.rollups.read({
          from,
          to,
          filter: spec.filter,
          bucket: unit ? { unit, timezone, weekStart } : undefined,
          boundaries:
            unit && readBuckets && readBuckets.length > 0
              ? [...readBuckets, calendar.next(readBuckets.at(-1)!, unit)]
              : undefined,
          dimensions,
          accumulators,
          limit,
        });
        if (answer) {
          sources.push(answer.source);
          if (answer.rows.length >= limit) throw tooManyRows(maxRows, "groupBy");
          return answer.rows;
        }
      }
      sources.push(MetricSource.LIVE);
      const rows = await runAggregation<Record<string, unknown>>(
        this.db,
        spec.collection,
        metricsPipeline({
          match: matchOf(spec, from, to),
          bucket: query.timeBucket
            ? { field: `$${spec.timeField}`, unit: query.timeBucket.granularity, timezone, weekStart }
            : undefined,
          dimensions,
          accumulators,
          limit,
        }),
        this.options.maxTimeMS,
      );
      if (rows.length >= limit) throw tooManyRows(maxRows, "groupBy");
      return rows;
    };

    const shaped = shapeMetricRows({
      rows: await read(range.from, range.to, buckets),
      dimensions,
      measures,
      buckets,
      fillGaps: query.fillGaps,
      top: query.top,
    });
    if (shaped.rows.length > maxRows) throw tooManyRows(maxRows, "groupBy");

    let previous: TRaw[] | null = null;
    if (comparison) {
      const previousRows = shapeMetricRows({
        rows: await read(comparison.from, comparison.to, comparisonBuckets),
        dimensions,
        measures,
        buckets: comparisonBuckets,
        fillGaps: query.fillGaps,
        top: query.top,
        keep: shaped.kept ?? undefined,
      });
      previous = matchPrevious(shaped.rows, previousRows.rows, buckets, comparisonBuckets, dimensions, () =>
        measures.zero(),
      );
    }

    const unit = query.timeBucket?.granularity;
    return {
      rows: shaped.rows.map((row, index) => ({
        ...row,
        bucketLabel: row.bucket && unit ? calendar.label(row.bucket, unit, weekStart) : null,
        values: measures.values(row.raw),
        previous: previous ? measures.values(previous[index]!) : null,
        drillDown: metricRowFilter({
          filter: spec.filter,
          timeField: spec.timeField,
          from: range.from,
          to: range.to,
          bucket: row.bucket && unit ? { start: row.bucket, end: calendar.next(row.bucket, unit) } : null,
          dimensions,
          row,
          keptCombinations: shaped.keptCombinations,
        }),
      })),
      from: range.from,
      to: range.to,
      timezone,
      comparisonFrom: comparison?.from ?? null,
      comparisonTo: comparison?.to ?? null,
      dataAsOf: now,
      source: combineMetricSources(sources),
    };
  }
}

/** The range first, so that the time field's index serves the match; then the filter. */
function matchOf(spec: { timeField: string; filter: Document }, from: Date, to: Date): Document {
  const range = { [spec.timeField]: { $gte: from, $lt: to } };
  return Object.keys(spec.filter).length === 0 ? range : { $and: [range, spec.filter] };
}

function tooManyRows(maxRows: number, argument: string): BadUserInputError {
  return new BadUserInputError(
    `${argument}: the answer would have more than ${maxRows} rows (MAX_METRIC_ROWS); use a coarser timeBucket, a shorter range, fewer groupBy dimensions or top`,
    { argument, maxRows },
  );
}
