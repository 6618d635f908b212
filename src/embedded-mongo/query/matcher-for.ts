import { Query } from "mingo/query";
import type { Doc } from "../storage/doc";
import { compileSimpleFilter } from "./compile-simple-filter";
import { queryOptions } from "./mingo-options";
import { validateFilterOperators } from "./validate-filter-operators";

/** A compiled filter: a native matcher for common shapes, mingo for the rest. */
export function matcherFor(filter: Record<string, unknown>): (doc: Doc) => boolean {
  if (Object.keys(filter).length === 0) return () => true;
  const simple = compileSimpleFilter(filter);
  if (simple) return simple;
  validateFilterOperators(filter);
  const query = new Query(filter, queryOptions);
  return (doc) => query.test(doc);
}
