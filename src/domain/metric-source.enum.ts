/** Where a metrics answer came from (README "Rollups"). */
export enum MetricSource {
  /** Only alert_rollups: the whole range lies before the watermark, on bucket boundaries. */
  ROLLUP = "rollup",
  /** Raw documents only: the query is not covered by the rollup, or rollups are off. */
  LIVE = "live",
  /** Rollup buckets up to the watermark plus the raw alerts after it (and of dirty buckets). */
  MIXED = "mixed",
}

/** The source of an answer read in several parts (e.g. a period and its comparison). */
export function combineMetricSources(sources: readonly MetricSource[]): MetricSource {
  if (sources.length > 0 && sources.every((source) => source === MetricSource.ROLLUP))
    return MetricSource.ROLLUP;
  if (sources.every((source) => source === MetricSource.LIVE)) return MetricSource.LIVE;
  return MetricSource.MIXED;
}
