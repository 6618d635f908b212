import type { Document } from "mongodb";
import { CaseStatus } from "../../schema/enums/case-status.enum";
import type { Severity } from "../../schema/enums/severity.enum";
import type { MeasureSet } from "./metric-measures";

/** Percentile fields of DurationStats and their p. */
export const DURATION_PERCENTILES = { p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99 } as const;
export type DurationPercentile = keyof typeof DURATION_PERCENTILES;

/** What the database returns per case row (durations in milliseconds). */
export interface CaseMeasureRaw {
  count: number;
  openCount: number;
  resolvedCount: number;
  slaMet: number;
  durationSumMs: number;
  durationMinMs: number | null;
  durationMaxMs: number | null;
  /** `$percentile` of the selected percentiles, in the order of `percentiles`. */
  percentilesMs: (number | null)[] | null;
  /** The durations themselves, only when an `other` row must fold percentiles. */
  durationsMs: number[] | null;
}

/** Resolution-time statistics in seconds. */
export interface DurationStatsValues {
  avg: number;
  min: number;
  max: number;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
}

/** The measures of a case metric row. */
export interface CaseMeasureValues {
  count: number;
  openCount: number;
  resolvedCount: number;
  /** Over the row's cases with resolved_at; null when there is none. */
  resolutionTime: DurationStatsValues | null;
  /** Share of the resolved cases resolved within their severity's SLA target; null when none is resolved. */
  slaMetRatio: number | null;
}

/** resolved_at holds a date: the case has been resolved (and not reopened). */
const RESOLVED = { $eq: [{ $type: "$resolved_at" }, "date"] };
/** resolved_at - created_at in ms for resolved cases, null otherwise (skipped by every accumulator). */
const DURATION_MS = { $cond: [RESOLVED, { $subtract: ["$resolved_at", "$created_at"] }, null] };
const OPEN_STATUSES: readonly string[] = [CaseStatus.OPEN, CaseStatus.IN_PROGRESS];

/**
 * Case measures. `slaTargetsMs` holds the SLA target of each severity (SLA_TARGETS);
 * `percentiles` the percentile fields selected, which `$percentile` computes in one pass.
 */
export function caseMeasures(
  slaTargetsMs: Readonly<Record<Severity, number>>,
  percentiles: readonly DurationPercentile[],
): MeasureSet<CaseMeasureRaw, CaseMeasureValues> {
  const ps = percentiles.map((name) => DURATION_PERCENTILES[name]);
  return {
    rankable: ["count", "openCount", "resolvedCount"],
    accumulators(selected, { foldable }) {
      const accumulators: Record<string, Document> = { count: { $sum: 1 } };
      if (selected.has("openCount")) {
        accumulators.openCount = { $sum: { $cond: [{ $in: ["$status", [...OPEN_STATUSES]] }, 1, 0] } };
      }
      const timing = selected.has("resolutionTime");
      if (selected.has("resolvedCount") || selected.has("slaMetRatio") || timing) {
        accumulators.resolvedCount = { $sum: { $cond: [RESOLVED, 1, 0] } };
      }
      if (selected.has("slaMetRatio")) {
        const target = {
          $switch: {
            branches: Object.entries(slaTargetsMs).map(([severity, ms]) => ({
              case: { $eq: ["$severity", severity] },
              then: ms,
            })),
            default: -1,
          },
        };
        accumulators.slaMet = {
          $sum: { $cond: [{ $and: [RESOLVED, { $lte: [DURATION_MS, target] }] }, 1, 0] },
        };
      }
      if (timing) {
        accumulators.durationSumMs = { $sum: DURATION_MS };
        accumulators.durationMinMs = { $min: DURATION_MS };
        accumulators.durationMaxMs = { $max: DURATION_MS };
        if (ps.length > 0) {
          accumulators.percentilesMs = { $percentile: { input: DURATION_MS, p: ps, method: "approximate" } };
          if (foldable) accumulators.durationsMs = { $push: DURATION_MS };
        }
      }
      return accumulators;
    },
    raw: (row) => ({
      count: Number(row.count ?? 0),
      openCount: Number(row.openCount ?? 0),
      resolvedCount: Number(row.resolvedCount ?? 0),
      slaMet: Number(row.slaMet ?? 0),
      durationSumMs: Number(row.durationSumMs ?? 0),
      durationMinMs: (row.durationMinMs as number | null | undefined) ?? null,
      durationMaxMs: (row.durationMaxMs as number | null | undefined) ?? null,
      percentilesMs: (row.percentilesMs as (number | null)[] | null | undefined) ?? null,
      durationsMs: Array.isArray(row.durationsMs)
        ? (row.durationsMs as unknown[]).filter((value): value is number => typeof value === "number")
        : null,
    }),
    zero: () => ({
      count: 0,
      openCount: 0,
      resolvedCount: 0,
      slaMet: 0,
      durationSumMs: 0,
      durationMinMs: null,
      durationMaxMs: null,
      percentilesMs: null,
      durationsMs: [],
    }),
    fold(a, b) {
      const durationsMs = a.durationsMs && b.durationsMs ? [...a.durationsMs, ...b.durationsMs] : null;
      return {
        count: a.count + b.count,
        openCount: a.openCount + b.openCount,
        resolvedCount: a.resolvedCount + b.resolvedCount,
        slaMet: a.slaMet + b.slaMet,
        durationSumMs: a.durationSumMs + b.durationSumMs,
        durationMinMs: pick(a.durationMinMs, b.durationMinMs, Math.min),
        durationMaxMs: pick(a.durationMaxMs, b.durationMaxMs, Math.max),
        // The folded rows' durations, ranked as the engine's $percentile ranks them.
        percentilesMs: durationsMs && durationsMs.length > 0 ? discretePercentiles(durationsMs, ps) : null,
        durationsMs,
      };
    },
    values(raw) {
      const seconds = (ms: number | null | undefined): number | null =>
        ms === null || ms === undefined ? null : ms / 1000;
      const resolutionTime: DurationStatsValues | null =
        raw.resolvedCount === 0
          ? null
          : {
              avg: raw.durationSumMs / raw.resolvedCount / 1000,
              min: seconds(raw.durationMinMs)!,
              max: seconds(raw.durationMaxMs)!,
              p50: null,
              p90: null,
              p95: null,
              p99: null,
            };
      if (resolutionTime) {
        percentiles.forEach((name, index) => (resolutionTime[name] = seconds(raw.percentilesMs?.[index])));
      }
      return {
        count: raw.count,
        openCount: raw.openCount,
        resolvedCount: raw.resolvedCount,
        resolutionTime,
        slaMetRatio: raw.resolvedCount === 0 ? null : raw.slaMet / raw.resolvedCount,
      };
    },
  };
}

function pick(a: number | null, b: number | null, choose: (x: number, y: number) => number): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return choose(a, b);
}

/** The smallest value with at least p·n values at or below it, for each p. */
function discretePercentiles(values: readonly number[], ps: readonly number[]): number[] {
  const sorted = [...values].sort((x, y) => x - y);
  return ps.map((p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!);
}
