import { Query } from "mingo/query";
import type { Doc } from "../storage/doc";
import { compileSimpleFilter } from "./compile-simple-filter";
import { queryOptions } from "./mingo-options";
import type { QueryScope } from "./query-scope";
import { validateFilterOperators } from "./validate-filter-operators";

/**
 * A compiled filter: a native matcher for common shapes, mingo for the rest. With `let`
 * variables or a collation the filter always goes to mingo, which carries both into its
 * operators (the collated comparisons read `collation`, `$expr` reads `variables`).
 */
export function matcherFor(filter: Record<string, unknown>, scope: QueryScope = {}): (doc: Doc) => boolean {
  if (Object.keys(filter).length === 0) return () => true;
  const scoped = scope.variables !== undefined || scope.collation !== undefined;
  const simple = scoped ? null : compileSimpleFilter(filter);
  if (simple) return simple;
  validateFilterOperators(filter);
  const options = scoped
    ? {
        ...queryOptions,
        ...(scope.variables ? { variables: scope.variables } : {}),
        ...(scope.collation ? { collation: scope.collation.spec as never } : {}),
      }
    : queryOptions;
  const query = new Query(filter, options);
  return (doc) => query.test(doc);
}
