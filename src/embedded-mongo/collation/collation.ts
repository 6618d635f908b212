import type { StringComparator } from "../bson/compare-values";

/**
 * A non-simple collation, parsed and checked once. `spec` is the document mongod reports (every
 * option filled in), `key` identifies it for matching an index to a query, `compare` orders two
 * strings (Intl.Collator, ICU underneath).
 */
export interface Collation {
  readonly spec: Readonly<Record<string, unknown>>;
  readonly key: string;
  readonly compare: StringComparator;
}

/** Whether two (possibly simple = undefined) collations are the same. */
export function sameCollation(a: Collation | undefined, b: Collation | undefined): boolean {
  return (a?.key ?? "simple") === (b?.key ?? "simple");
}
