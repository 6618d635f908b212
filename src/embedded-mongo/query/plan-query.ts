import { compareValues } from "../bson/compare-values";
import { sameCollation, type Collation } from "../collation/collation";
import { RankEdge } from "../bson/rank-edge";
import { typeRank } from "../bson/type-rank";
import { CommandError } from "../errors/command-error";
import type { Collection } from "../storage/collection";
import type { Index } from "../storage/collection-index";
import { isPlainObject } from "../bson/is-plain-object";
import { extractPredicates } from "./extract-predicates";
import type { FieldPredicate } from "./field-predicate";
import type { IndexInterval, QueryPlan } from "./query-plan";
import type { SortSpec } from "./sort-spec";

const MAX_INTERVALS = 500;

interface Candidate {
  index: Index;
  eqFields: number;
  range: boolean;
  intervalCount: number;
  sort: { served: boolean; reverse: boolean };
}

/**
 * Chooses how to read a collection for a filter and sort: the index with the longest equality
 * prefix, then a range on the next field, then one that yields the requested order; otherwise
 * a collection scan. `hint` forces an index (by name or key pattern) or `$natural`.
 */
export function planQuery(
  coll: Collection,
  filter: Record<string, unknown>,
  sort: SortSpec,
  hint?: unknown,
  collation?: Collation,
): QueryPlan {
  const preds = extractPredicates(filter);
  if (hint !== undefined && hint !== null && !(isPlainObject(hint) && Object.keys(hint).length === 0)) {
    const natural = isPlainObject(hint) ? hint.$natural : undefined;
    if (natural !== undefined) return collectionScan(typeof natural === "number" && natural < 0);
    const index = resolveHint(coll, hint);
    // A hinted index of another collation is read whole; the filter decides on each document.
    if (sameCollation(index.collation, collation)) return buildPlan(index, preds, sort);
    // Nor does its key order give the query's sort order for strings.
    return { ...buildPlan(index, new Map(), []), reverse: false, sortServed: false };
  }
  let best: Candidate | null = null;
  let bestScore = 0;
  for (const index of coll.indexes.values()) {
    if (index.kind !== "btree" || index.spec.hidden || !usable(index, filter, preds)) continue;
    // Keys ordered under another collation give wrong bounds and orders for strings.
    if (!sameCollation(index.collation, collation)) continue;
    const c = evaluate(index, preds, sort);
    let score = c.eqFields * 8 + (c.range ? 4 : 0) + (c.sort.served && sort.length > 0 ? 2 : 0);
    if (score === 0) continue;
    if (index.unique && c.eqFields === index.fields.length && c.intervalCount === 1) score += 1000;
    // Among equals prefer the narrower index (fewer trailing fields to compare).
    score -= index.fields.length * 0.01;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  if (!best) return collectionScan(false);
  return buildPlan(best.index, preds, sort);
}

function collectionScan(reverse: boolean): QueryPlan {
  return { index: null, intervals: [], reverse, sortServed: false, indexBounds: {} };
}

function resolveHint(coll: Collection, hint: unknown): Index {
  // Hidden indexes cannot be hinted, as in mongod.
  if (typeof hint === "string") {
    const index = coll.indexes.get(hint);
    if (index && !index.spec.hidden) return index;
  } else if (isPlainObject(hint)) {
    for (const index of coll.indexes.values()) {
      if (!index.spec.hidden && sameKeyPattern(index.spec.key, hint)) return index;
    }
  }
  throw new CommandError(2, "hint provided does not correspond to an existing index");
}

function sameKeyPattern(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && compareValues(a[k], b[k]) === 0);
}

/** Sparse and partial indexes only hold some documents: use them only when the filter implies that. */
function usable(index: Index, filter: Record<string, unknown>, preds: Map<string, FieldPredicate>): boolean {
  const partial = index.spec.partialFilterExpression;
  if (partial) {
    for (const [field, cond] of Object.entries(partial)) {
      if (!impliedBy(field, cond, filter, preds)) return false;
    }
  }
  if (index.spec.sparse) {
    const first = preds.get(index.fields[0].path);
    if (!first) return false;
    if (first.eq && first.eq.some((v) => v === null)) return false;
  }
  return true;
}

function impliedBy(
  field: string,
  cond: unknown,
  filter: Record<string, unknown>,
  preds: Map<string, FieldPredicate>,
): boolean {
  if (field.startsWith("$")) {
    if (field === "$and" && Array.isArray(cond)) {
      return cond.every((part) =>
        isPlainObject(part) ? Object.entries(part).every(([f, c]) => impliedBy(f, c, filter, preds)) : false,
      );
    }
    return false;
  }
  const direct = filter[field];
  if (direct !== undefined && compareValues(direct, cond) === 0) return true;
  if (Array.isArray(filter.$and)) {
    for (const part of filter.$and) {
      if (isPlainObject(part) && part[field] !== undefined && compareValues(part[field], cond) === 0)
        return true;
    }
  }
  // {$exists: true} is implied by any equality or range on a non-null value.
  if (isPlainObject(cond) && cond.$exists === true && Object.keys(cond).length === 1) {
    const p = preds.get(field);
    if (p && (p.lower || p.upper || (p.eq && p.eq.every((v) => v !== null)))) return true;
  }
  // {$eq: v} written either way.
  if (isPlainObject(cond) && "$eq" in cond && Object.keys(cond).length === 1) {
    const p = preds.get(field);
    if (p?.eq && p.eq.length === 1 && compareValues(p.eq[0], cond.$eq) === 0) return true;
  }
  return false;
}

function evaluate(index: Index, preds: Map<string, FieldPredicate>, sort: SortSpec): Candidate {
  let eqFields = 0;
  let intervalCount = 1;
  for (const f of index.fields) {
    const p = preds.get(f.path);
    if (!p?.eq) break;
    if (intervalCount * p.eq.length > MAX_INTERVALS) break;
    intervalCount *= p.eq.length;
    eqFields++;
  }
  const next = index.fields[eqFields];
  const np = next ? preds.get(next.path) : undefined;
  const range = !!(np && (np.lower || np.upper));
  return { index, eqFields, range, intervalCount, sort: sortService(index, eqFields, intervalCount, sort) };
}

/** Whether scanning the index (forward or backward) yields the requested order. */
function sortService(
  index: Index,
  eqFields: number,
  intervalCount: number,
  sort: SortSpec,
): { served: boolean; reverse: boolean } {
  if (sort.length === 0) return { served: true, reverse: false };
  if (index.multikey || intervalCount > 1) return { served: false, reverse: false };
  const eqPaths = new Set(index.fields.slice(0, eqFields).map((f) => f.path));
  const rest = sort.filter((s) => !eqPaths.has(s.path));
  if (rest.length === 0) return { served: true, reverse: false };
  let reverse: boolean | null = null;
  for (let i = 0; i < rest.length; i++) {
    const f = index.fields[eqFields + i];
    if (!f || f.path !== rest[i].path) return { served: false, reverse: false };
    const r = f.dir !== rest[i].dir;
    if (reverse === null) reverse = r;
    else if (reverse !== r) return { served: false, reverse: false };
  }
  return { served: true, reverse: reverse === true };
}

interface FieldRange {
  /** Values in value order (not index order). */
  lo: unknown;
  loInclusive: boolean;
  hi: unknown;
  hiInclusive: boolean;
}

function rangeOf(p: FieldPredicate, multikey: boolean): FieldRange {
  let lo: unknown = RankEdge.LOW;
  let loInclusive = true;
  let hi: unknown = RankEdge.HIGH;
  let hiInclusive = true;
  if (p.lower) {
    lo = p.lower.value;
    loInclusive = p.lower.inclusive;
    hi = new RankEdge(Math.floor(typeRank(lo)) + 1);
  }
  // A multikey field may satisfy each bound with a different element: keep one bound only.
  if (p.upper && !(multikey && p.lower)) {
    hi = p.upper.value;
    hiInclusive = p.upper.inclusive;
    if (!p.lower) lo = new RankEdge(Math.floor(typeRank(hi)));
  }
  return { lo, loInclusive, hi, hiInclusive };
}

function buildPlan(index: Index, preds: Map<string, FieldPredicate>, sort: SortSpec): QueryPlan {
  const c = evaluate(index, preds, sort);
  const fields = index.fields;
  // Equality values per prefix field, ordered as the index orders them.
  const eqLists = fields.slice(0, c.eqFields).map((f) => {
    const values = uniqueSorted((preds.get(f.path) as FieldPredicate).eq as unknown[], index.collation);
    return f.dir === 1 ? values : values.reverse();
  });
  const rangeField = c.range ? fields[c.eqFields] : undefined;
  const range = rangeField
    ? rangeOf(preds.get(rangeField.path) as FieldPredicate, index.multikey)
    : undefined;
  const bounded = c.eqFields + (range ? 1 : 0);
  const indexBounds: Record<string, string[]> = {};
  fields.forEach((f, i) => {
    if (i < c.eqFields) indexBounds[f.path] = eqLists[i].map((v) => `[${show(v)}, ${show(v)}]`);
    else if (i === c.eqFields && range) indexBounds[f.path] = [showRange(range, f.dir)];
    else indexBounds[f.path] = [f.dir === 1 ? "[MinKey, MaxKey]" : "[MaxKey, MinKey]"];
  });
  if (bounded === 0) {
    const reverse = c.sort.served ? c.sort.reverse : false;
    return {
      index,
      intervals: [{ lower: null, upper: null }],
      reverse,
      sortServed: c.sort.served,
      indexBounds,
    };
  }
  let prefixes: unknown[][] = [[]];
  for (const values of eqLists) {
    const next: unknown[][] = [];
    for (const p of prefixes) for (const v of values) next.push([...p, v]);
    prefixes = next;
  }
  const intervals: IndexInterval[] = prefixes.map((prefix) => {
    let lowParts = prefix.slice();
    let highParts = prefix.slice();
    let lowInclusive = true;
    let highInclusive = true;
    if (range && rangeField) {
      // In index order a descending field runs from hi down to lo.
      const asc = rangeField.dir === 1;
      lowParts.push(asc ? range.lo : range.hi);
      highParts.push(asc ? range.hi : range.lo);
      lowInclusive = asc ? range.loInclusive : range.hiInclusive;
      highInclusive = asc ? range.hiInclusive : range.loInclusive;
    }
    for (let i = bounded; i < fields.length; i++) {
      const asc = fields[i].dir === 1;
      // Fill the rest so inclusive bounds take every suffix and exclusive ones none.
      lowParts.push(lowInclusive === asc ? RankEdge.LOW : RankEdge.HIGH);
      highParts.push(highInclusive === asc ? RankEdge.HIGH : RankEdge.LOW);
    }
    if (!index.isCompound) {
      lowParts = lowParts.slice(0, 1);
      highParts = highParts.slice(0, 1);
    }
    const lowKey = index.isCompound ? lowParts : lowParts[0];
    const highKey = index.isCompound ? highParts : highParts[0];
    return {
      lower: { key: lowKey, rid: lowInclusive ? -Infinity : Infinity },
      upper: { key: highKey, rid: highInclusive ? Infinity : -Infinity },
    };
  });
  const served = c.sort.served && intervals.length <= 1;
  return { index, intervals, reverse: served ? c.sort.reverse : false, sortServed: served, indexBounds };
}

function uniqueSorted(values: unknown[], collation: Collation | undefined): unknown[] {
  const strings = collation?.compare;
  const sorted = values.slice().sort((a, b) => compareValues(a, b, strings));
  const out: unknown[] = [];
  for (const v of sorted)
    if (out.length === 0 || compareValues(out[out.length - 1], v, strings) !== 0) out.push(v);
  return out;
}

function show(v: unknown): string {
  if (v instanceof RankEdge) return v.rank < 0 ? "MinKey" : v.rank > 50 ? "MaxKey" : `edge(${v.rank})`;
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  if (typeof v === "string") return JSON.stringify(v);
  if (v !== null && typeof v === "object" && (v as { _bsontype?: string })._bsontype === "ObjectId") {
    return `ObjectId('${String(v)}')`;
  }
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function showRange(r: FieldRange, dir: 1 | -1): string {
  if (dir === 1)
    return `${r.loInclusive ? "[" : "("}${show(r.lo)}, ${show(r.hi)}${r.hiInclusive ? "]" : ")"}`;
  return `${r.hiInclusive ? "[" : "("}${show(r.hi)}, ${show(r.lo)}${r.loInclusive ? "]" : ")"}`;
}
