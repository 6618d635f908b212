import type { Document } from "mongodb";
import { ALERT_DIMENSIONS } from "./metric-dimensions";
import { metricsPipeline } from "./metrics.pipeline";
import type { TrendGranularity } from "./time-granularity";

/** A resolved, validated trend window: the repository fills in defaults before building this. */
export interface AlertTrendsPipelineInput {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  granularity: TrendGranularity;
  /** An IANA zone name MongoDB knows (see resolveTimeZone). */
  timezone: string;
  /** Alert types to count; absent means every type, an empty list none (as lists do across the API). */
  types?: readonly string[];
}

/** One bucket of one alert type. */
export interface AlertTrendRow {
  /** Start of the bucket (local midnight for days, Monday local midnight for weeks). */
  bucket: Date;
  /** The bucket's start as YYYY-MM-DD in the requested time zone. */
  date: string;
  type: string;
  count: number;
}

/**
 * Counts alerts per time bucket and type, ordered by bucket then type (metricsPipeline
 * with one dimension). Buckets follow
 * the wall clock of `timezone`: MongoDB's `$dateTrunc` computes days, weeks and months
 * in local time, so a day is 23 or 25 hours long across a daylight-saving change.
 * Buckets without alerts are absent; the repository fills them when asked.
 */
export function alertTrendsPipeline(input: AlertTrendsPipelineInput): Document[] {
  const match: Document = { timestamp: { $gte: input.from, $lt: input.to } };
  if (input.types) match.type = { $in: [...input.types] };
  return metricsPipeline({
    // First and on `timestamp` alone (plus type), so that the timestamp index serves it.
    match,
    bucket: { field: "$timestamp", unit: input.granularity, timezone: input.timezone },
    dimensions: [ALERT_DIMENSIONS.type],
    accumulators: { count: { $sum: 1 } },
    computed: {
      date: { $dateToString: { date: "$_id.bucket", format: "%Y-%m-%d", timezone: input.timezone } },
    },
  });
}
