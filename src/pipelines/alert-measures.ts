import type { Document } from "mongodb";
import type { MeasureSet } from "./metric-measures";

/** What the database returns per alert row. */
export interface AlertMeasureRaw {
  count: number;
  resolvedCount: number;
}

/** The measures of an alert metric row. */
export interface AlertMeasureValues {
  count: number;
  resolvedCount: number;
  unresolvedCount: number;
  /** resolvedCount / count; null for an empty row. */
  resolvedRatio: number | null;
}

const NEEDS_RESOLVED = ["resolvedCount", "unresolvedCount", "resolvedRatio"];

/** Alert measures: counts of all, resolved and unresolved alerts. */
export const ALERT_MEASURES: MeasureSet<AlertMeasureRaw, AlertMeasureValues> = {
  rankable: ["count", "resolvedCount", "unresolvedCount"],
  accumulators(selected) {
    const accumulators: Record<string, Document> = { count: { $sum: 1 } };
    if (NEEDS_RESOLVED.some((name) => selected.has(name))) {
      accumulators.resolvedCount = { $sum: { $cond: [{ $eq: ["$resolved", true] }, 1, 0] } };
    }
    return accumulators;
  },
  raw: (row) => ({ count: Number(row.count ?? 0), resolvedCount: Number(row.resolvedCount ?? 0) }),
  zero: () => ({ count: 0, resolvedCount: 0 }),
  fold: (a, b) => ({ count: a.count + b.count, resolvedCount: a.resolvedCount + b.resolvedCount }),
  values: (raw) => ({
    count: raw.count,
    resolvedCount: raw.resolvedCount,
    unresolvedCount: raw.count - raw.resolvedCount,
    resolvedRatio: raw.count === 0 ? null : raw.resolvedCount / raw.count,
  }),
};
