import { Query } from "mingo/query";
import type { Doc } from "../storage/Doc";
import { compileSimpleFilter } from "./compileSimpleFilter";
import { queryOptions } from "./mingoOptions";
import { validateFilterOperators } from "./validateFilterOperators";

/** A compiled filter: a native matcher for common shapes, mingo for the rest. */
export function matcherFor(filter: Record<string, unknown>): (doc: Doc) => boolean {
  if (Object.keys(filter).length === 0) return () => true;
  const simple = compileSimpleFilter(filter);
  if (simple) return simple;
  validateFilterOperators(filter);
  const query = new Query(filter, queryOptions);
  return (doc) => query.test(doc);
}
