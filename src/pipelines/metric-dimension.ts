/**
 * A dimension rows are grouped by: the row field `name` holds the value at `path`.
 * The one description of a dimension that the pipeline's `$sort`, the gap filler and
 * the top-N folding all order by.
 */
export interface MetricDimension {
  /** Field of the output row (and of `_id` in `$group`). */
  name: string;
  /** Field path in the stored document, e.g. "$severity". */
  path: string;
  /**
   * Semantic order, first to last (severity by rank, status in workflow order); values
   * not listed come after all listed ones. Absent: ascending by value.
   */
  order?: readonly string[];
  /** An array field counted once per element (`$unwind`), e.g. tags. */
  unwind?: boolean;
  /** Group by this expression instead of `path` (e.g. a second `$dateTrunc`). */
  expression?: unknown;
}

/** What a grouped row looks like to the generic pieces: its bucket start and dimension values. */
export interface MetricRowBase {
  bucket?: Date | null;
  [field: string]: unknown;
}
