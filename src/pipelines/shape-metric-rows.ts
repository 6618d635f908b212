import { fillMetricGaps, keyOf } from "./fill-metric-gaps";
import type { MetricDimension, MetricRowBase } from "./metric-dimension";
import type { MeasureSet } from "./metric-measures";
import { compareCombinations } from "./metric-row-order";

/** A row of a metrics answer: bucket, grouped dimension values (as fields), `other`, raw measures. */
export interface ShapedMetricRow<TRaw> extends MetricRowBase {
  bucket: Date | null;
  other: boolean;
  raw: TRaw;
}

/** Keep the `limit` combinations with the largest total of `measure` over the whole range. */
export interface TopSpec {
  measure: string;
  limit: number;
  withOther: boolean;
}

export interface ShapeMetricRowsInput<TRaw> {
  /** Flat rows as metricsPipeline returns them, in its order. */
  rows: readonly Record<string, unknown>[];
  dimensions: readonly MetricDimension[];
  measures: MeasureSet<TRaw, object>;
  /** Every bucket of the range; null without time buckets. */
  buckets: readonly Date[] | null;
  fillGaps: boolean;
  top?: TopSpec;
  /** The combinations to keep, decided by the main period (for the comparison period). */
  keep?: ReadonlySet<string>;
}

export interface ShapedMetricRows<TRaw> {
  rows: ShapedMetricRow<TRaw>[];
  /** Keys of the combinations kept by `top`; null without top. */
  kept: ReadonlySet<string> | null;
  /** The dimension values of the kept combinations, for the drill-down of `other` rows. */
  keptCombinations: Record<string, unknown>[];
}

/** The key of a row's dimension combination (ObjectIds by hex, null and missing alike). */
export function combinationKey(dimensions: readonly MetricDimension[], row: MetricRowBase): string {
  return JSON.stringify(dimensions.map((dimension) => keyOf(row[dimension.name])));
}

/**
 * From the database's grouped rows to the answer: top-N (largest totals first, ties in
 * row order), zero rows for the gaps of every kept combination, and one `other` row per
 * bucket folding the rest. Pure, so that every metrics query shares one copy.
 */
export function shapeMetricRows<TRaw>(input: ShapeMetricRowsInput<TRaw>): ShapedMetricRows<TRaw> {
  const { dimensions, measures } = input;
  const compare = compareCombinations(dimensions);
  const all: ShapedMetricRow<TRaw>[] = input.rows.map((row) => {
    const shaped: ShapedMetricRow<TRaw> = {
      bucket: (row.bucket as Date | undefined) ?? null,
      other: false,
      raw: measures.raw(row),
    };
    for (const dimension of dimensions) shaped[dimension.name] = row[dimension.name] ?? null;
    return shaped;
  });

  let kept: ReadonlySet<string> | null = input.keep ?? null;
  const representatives = new Map<string, ShapedMetricRow<TRaw>>();
  for (const row of all) {
    const key = combinationKey(dimensions, row);
    if (!representatives.has(key)) representatives.set(key, row);
  }
  if (input.top && !kept) {
    const { measure, limit } = input.top;
    const totals = new Map<string, number>();
    for (const row of all) {
      const key = combinationKey(dimensions, row);
      const value = (measures.values(row.raw) as Record<string, unknown>)[measure];
      totals.set(key, (totals.get(key) ?? 0) + (typeof value === "number" ? value : 0));
    }
    const ranked = [...totals.keys()].sort(
      (a, b) => totals.get(b)! - totals.get(a)! || compare(representatives.get(a)!, representatives.get(b)!),
    );
    kept = new Set(ranked.slice(0, limit));
  }

  const keptRows = kept ? all.filter((row) => kept.has(combinationKey(dimensions, row))) : all;
  const restRows = kept ? all.filter((row) => !kept.has(combinationKey(dimensions, row))) : [];

  let rows =
    input.buckets && input.fillGaps
      ? fillMetricGaps(keptRows, input.buckets, dimensions, (bucket, combination) => {
          const zero: ShapedMetricRow<TRaw> = { bucket, other: false, raw: measures.zero() };
          for (const dimension of dimensions) zero[dimension.name] = combination[dimension.name];
          return zero;
        })
      : keptRows;

  if (input.top?.withOther) {
    const bucketTimes = new Set<number | null>();
    if (input.buckets && input.fillGaps)
      for (const bucket of input.buckets) bucketTimes.add(bucket.getTime());
    else if (!input.buckets) bucketTimes.add(null);
    for (const row of [...rows, ...restRows]) bucketTimes.add(row.bucket?.getTime() ?? null);
    const others = new Map<number | null, ShapedMetricRow<TRaw>>();
    for (const time of bucketTimes) {
      const other: ShapedMetricRow<TRaw> = {
        bucket: time === null ? null : new Date(time),
        other: true,
        raw: measures.zero(),
      };
      for (const dimension of dimensions) other[dimension.name] = null;
      others.set(time, other);
    }
    for (const row of restRows) {
      const other = others.get(row.bucket?.getTime() ?? null)!;
      other.raw = measures.fold(other.raw, row.raw);
    }
    const withOthers: ShapedMetricRow<TRaw>[] = [];
    const times = [...bucketTimes].sort((a, b) => (a ?? 0) - (b ?? 0));
    for (const time of times) {
      for (const row of rows) if ((row.bucket?.getTime() ?? null) === time) withOthers.push(row);
      withOthers.push(others.get(time)!);
    }
    rows = withOthers;
  }

  const keptCombinations = kept
    ? [...kept].map((key) => representatives.get(key)).filter((row): row is ShapedMetricRow<TRaw> => !!row)
    : [];
  return {
    rows,
    kept,
    keptCombinations: keptCombinations.map((row) =>
      Object.fromEntries(dimensions.map((dimension) => [dimension.name, row[dimension.name]])),
    ),
  };
}

/**
 * The raw measures of the comparison period's matching row for each row: the same
 * dimension combination (or `other`) in the bucket at the same position; zero when the
 * comparison period has no such row.
 */
export function matchPrevious<TRaw>(
  rows: readonly ShapedMetricRow<TRaw>[],
  previous: readonly ShapedMetricRow<TRaw>[],
  buckets: readonly Date[] | null,
  previousBuckets: readonly Date[] | null,
  dimensions: readonly MetricDimension[],
  zero: () => TRaw,
): TRaw[] {
  const indexOf = (list: readonly Date[] | null) => {
    const positions = new Map((list ?? []).map((bucket, index) => [bucket.getTime(), index]));
    return (row: ShapedMetricRow<TRaw>): number | undefined =>
      row.bucket === null ? 0 : positions.get(row.bucket.getTime());
  };
  const keyOfRow = (index: number | undefined, row: ShapedMetricRow<TRaw>) =>
    `${index}|${row.other ? "other" : combinationKey(dimensions, row)}`;
  const previousIndex = indexOf(previousBuckets);
  const byKey = new Map(previous.map((row) => [keyOfRow(previousIndex(row), row), row.raw]));
  const currentIndex = indexOf(buckets);
  return rows.map((row) => byKey.get(keyOfRow(currentIndex(row), row)) ?? zero());
}
