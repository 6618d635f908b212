/**
 * How a list is ordered, in the terms keyset paging needs. Every ordering ends with
 * `_id` in the same direction, so that the order is total and a cursor is an exact
 * position.
 */
export type KeysetOrdering = DateKeyOrdering | RankKeyOrdering;

interface OrderingBase {
  /** Identifies the ordering inside cursors, e.g. "cases:CREATED_AT:DESC". */
  name: string;
  /** The stored field sorted on. */
  field: string;
  direction: 1 | -1;
}

/** A Date field, served by an index `{field: -1, _id: -1}` (walked either way). */
export interface DateKeyOrdering extends OrderingBase {
  kind: "date";
}

/**
 * A string enum ordered by rank rather than alphabetically (severity, priority),
 * served by an index `{field: 1, _id: 1}`: the pager walks one value ("bucket") at a
 * time in rank order, each an index range.
 */
export interface RankKeyOrdering extends OrderingBase {
  kind: "rank";
  /** The stored values from lowest to highest rank. */
  values: readonly string[];
}
