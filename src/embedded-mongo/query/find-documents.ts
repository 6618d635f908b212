import type { Collection } from "../storage/collection";
import type { Doc } from "../storage/doc";
import { Deadline } from "./deadline";
import { matcherFor } from "./matcher-for";
import type { OpStats } from "./op-stats";
import { planQuery } from "./plan-query";
import type { QueryPlan } from "./query-plan";
import { scanPlan } from "./scan-plan";
import { sortDocuments } from "./sort-documents";
import type { SortSpec } from "./sort-spec";
import type { QueryScope } from "./query-scope";
import { extractTextQuery, mentionsText } from "../text-search/extract-text-query";
import { findTextDocuments } from "../text-search/find-text-documents";

export interface FindSpec {
  filter: Record<string, unknown>;
  sort: SortSpec;
  skip: number;
  /** 0 = no limit. */
  limit: number;
  hint?: unknown;
  deadline: Deadline;
  /** `let` variables and collation of the command. */
  scope?: QueryScope;
}

export interface FoundDocuments {
  plan: QueryPlan;
  /** Matching [recordId, document] pairs in order, after skip and limit; evaluated lazily. */
  rows: Generator<[number, Doc]>;
  /** For a `$text` query: each matching record's textScore ({$meta: "textScore"}). */
  scores?: Map<number, number>;
}

/** Plans and runs a filter/sort/skip/limit over a collection (absent collection = no rows). */
export function findDocuments(coll: Collection | undefined, spec: FindSpec, stats: OpStats): FoundDocuments {
  const text = mentionsText(spec.filter) ? extractTextQuery(spec.filter) : null;
  if (text) return findTextDocuments(coll, text, spec, stats);
  if (!coll) {
    stats.stage = "EOF";
    return {
      plan: { index: null, intervals: [], reverse: false, sortServed: true, indexBounds: {} },
      rows: empty(),
    };
  }
  // sort {$natural: ±1} is a collection scan in storage order.
  if (spec.sort.length === 1 && spec.sort[0].path === "$natural") {
    spec = { ...spec, hint: { $natural: spec.sort[0].dir }, sort: [] };
  }
  const plan = planQuery(coll, spec.filter, spec.sort, spec.hint, spec.scope?.collation);
  return { plan, rows: run(coll, plan, spec, stats) };
}

function* empty(): Generator<[number, Doc]> {}

function* run(coll: Collection, plan: QueryPlan, spec: FindSpec, stats: OpStats): Generator<[number, Doc]> {
  const matches = matcherFor(spec.filter, spec.scope);
  let skip = spec.skip;
  let left = spec.limit > 0 ? spec.limit : Infinity;
  if (plan.sortServed || spec.sort.length === 0) {
    for (const row of scanPlan(coll, plan, stats, spec.deadline)) {
      if (!matches(row[1])) continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      stats.nReturned++;
      yield row;
      if (--left <= 0) return;
    }
    return;
  }
  const rows: Array<[number, Doc]> = [];
  for (const row of scanPlan(coll, plan, stats, spec.deadline)) if (matches(row[1])) rows.push(row);
  spec.deadline.check();
  const ridOf = new Map<Doc, number>();
  for (const [rid, doc] of rows) ridOf.set(doc, rid);
  const keep = left === Infinity ? Infinity : skip + left;
  const sorted = sortDocuments(
    rows.map((r) => r[1]),
    spec.sort,
    keep,
    spec.scope?.collation?.compare,
  );
  for (const doc of sorted) {
    if (skip > 0) {
      skip--;
      continue;
    }
    stats.nReturned++;
    yield [ridOf.get(doc) as number, doc];
    if (--left <= 0) return;
  }
}
