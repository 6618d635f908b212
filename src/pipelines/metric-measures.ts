import type { Document } from "mongodb";

/**
 * The measures of one metrics query: which `$group` accumulators compute them, how rows
 * of the same bucket fold into an `other` row, and the values clients see. Raw values are
 * what the database returns (sums, minima, percentile arrays); values are derived from
 * them in plain code, so an `other` row or a comparison row is computed the same way.
 */
export interface MeasureSet<TRaw, TValues> {
  /** Measures `top.measure` may name: additive counts, whose total over a range means something. */
  readonly rankable: readonly string[];
  /** Accumulators for the selected measures (a count is always computed). */
  accumulators(selected: ReadonlySet<string>, options: { foldable: boolean }): Record<string, Document>;
  /** The raw fields of a database row. */
  raw(row: Record<string, unknown>): TRaw;
  /** The raw values of an empty bucket. */
  zero(): TRaw;
  /** Two rows folded into one (the `other` row). */
  fold(a: TRaw, b: TRaw): TRaw;
  values(raw: TRaw): TValues;
}
