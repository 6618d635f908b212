import type { Collection } from "../storage/collection";
import type { Doc } from "../storage/doc";
import type { Deadline } from "./deadline";
import { findDocuments } from "./find-documents";
import { guardDecimals } from "./guard-decimals";
import type { OpStats } from "./op-stats";
import type { SortSpec } from "./sort-spec";
import type { QueryScope } from "./query-scope";

/** Deletes the matching documents (all, or the first in `sort` order when `justOne`); returns them. */
export function runDelete(
  coll: Collection | undefined,
  filter: Record<string, unknown>,
  justOne: boolean,
  deadline: Deadline,
  stats: OpStats,
  hint?: unknown,
  sort: SortSpec = [],
  scope: QueryScope = {},
): Doc[] {
  guardDecimals(coll, filter);
  const found = findDocuments(
    coll,
    { filter, sort, skip: 0, limit: justOne ? 1 : 0, hint, deadline, scope },
    stats,
  );
  const rows = Array.from(found.rows);
  for (const [rid] of rows) (coll as Collection).apply({ op: "delete", rid });
  return rows.map((r) => r[1]);
}
