import type { Index } from "../storage/collection-index";
import type { ScanBound } from "../storage/sorted-key-list";

/** One contiguous stretch of an index to scan. */
export interface IndexInterval {
  lower: ScanBound<unknown> | null;
  upper: ScanBound<unknown> | null;
}

/** How a query reads a collection: a collection scan or index intervals in index order. */
export interface QueryPlan {
  index: Index | null;
  intervals: IndexInterval[];
  reverse: boolean;
  /** The scan already yields documents in the requested sort order. */
  sortServed: boolean;
  /** For explain: the bounds per field, as mongod prints them. */
  indexBounds: Record<string, string[]>;
  /** A `$text` query answered by this text index (then `index` is null). */
  text?: Index;
}
