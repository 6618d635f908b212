import { compareValues } from "../bson/compare-values";
import { CommandError } from "../errors/command-error";
import type { FindSpec, FoundDocuments } from "../query/find-documents";
import { matcherFor } from "../query/matcher-for";
import type { OpStats } from "../query/op-stats";
import type { QueryPlan } from "../query/query-plan";
import { sortValue } from "../query/sort-documents";
import type { Collection } from "../storage/collection";
import type { Doc } from "../storage/doc";
import type { Index } from "../storage/collection-index";
import { parseTextOperator } from ".";
import type { TextQueryParts } from "./extract-text-query";
import { searchText } from "./search-text";
import { firstSorted } from "../query/first-sorted";

/** The collection's text index (at most one), or IndexNotFound as mongod answers. */
export function textIndexOf(coll: Collection | undefined): Index {
  if (coll) for (const index of coll.indexes.values()) if (index.text) return index;
  throw new CommandError(27, "text index required for $text query");
}

interface Hit {
  rid: number;
  doc: Doc;
  score: number;
  key?: unknown[];
}

/**
 * Answers a filter with `$text`: the text index gives the candidates and their scores, the rest
 * of the filter is checked by the ordinary matcher; then sort (a `{$meta: "textScore"}` key sorts
 * by score, highest first), skip and limit. Without a sort, hits come in record order.
 */
export function findTextDocuments(
  coll: Collection | undefined,
  parts: TextQueryParts,
  spec: FindSpec,
  stats: OpStats,
): FoundDocuments {
  const index = textIndexOf(coll);
  const text = index.text as NonNullable<Index["text"]>;
  const search = parseTextOperator(parts.text, text.spec);
  const collection = coll as Collection;
  const scores = searchText(text, search, (rid) => collection.docs.get(rid));
  index.accesses.ops++;
  stats.stage = "TEXT";
  stats.indexName = index.name;
  stats.keysExamined += scores.size;
  const matches = matcherFor(parts.rest);
  const hits: Hit[] = [];
  for (const [rid, score] of scores) {
    spec.deadline.tick();
    const doc = collection.docs.get(rid);
    if (!doc) continue;
    stats.docsExamined++;
    if (matches(doc)) hits.push({ rid, doc, score });
  }
  spec.deadline.check();
  const sorted = sortHits(hits, spec);
  const from = Math.min(spec.skip, sorted.length);
  const to = spec.limit > 0 ? Math.min(sorted.length, from + spec.limit) : sorted.length;
  const plan: QueryPlan = {
    index: null,
    intervals: [],
    reverse: false,
    sortServed: false,
    indexBounds: {},
    text: index,
  };
  return { plan, rows: emit(sorted, from, to, stats), scores };
}

/** Sorts hits in place (record order without a sort); with a limit only the first `keep` are kept in order. */
function sortHits(hits: Hit[], spec: FindSpec): Hit[] {
  const sort = spec.sort;
  const keep = spec.limit > 0 ? spec.skip + spec.limit : Infinity;
  let cmp: (x: Hit, y: Hit) => number;
  if (sort.length === 0) {
    cmp = (x, y) => x.rid - y.rid;
  } else {
    // Keys other than the score are computed on first need (a score usually decides).
    const keyOf = (hit: Hit, i: number): unknown => {
      if (!hit.key) hit.key = new Array(sort.length);
      if (!(i in hit.key)) hit.key[i] = sortValue(hit.doc, sort[i].path, sort[i].dir);
      return hit.key[i];
    };
    cmp = (x, y) => {
      for (let i = 0; i < sort.length; i++) {
        const c = sort[i].meta === "textScore" ? x.score - y.score : compareValues(keyOf(x, i), keyOf(y, i));
        if (c !== 0) return sort[i].dir === 1 ? c : -c;
      }
      return x.rid - y.rid;
    };
  }
  return firstSorted(hits, keep, cmp);
}

function* emit(hits: Hit[], from: number, to: number, stats: OpStats): Generator<[number, Doc]> {
  for (let i = from; i < to; i++) {
    stats.nReturned++;
    yield [hits[i].rid, hits[i].doc];
  }
}
