import * as queryOperators from "mingo/operators/query";
import { compareValues, type StringComparator } from "../bson/compare-values";
import { typeRank } from "../bson/type-rank";
import { parseCollation } from "./parse-collation";

type Operator = (
  selector: string,
  value: unknown,
  options: { collation?: unknown },
) => (doc: unknown) => boolean;
type Test = (candidates: unknown[]) => boolean;

/**
 * $eq, $ne, $gt, $gte, $lt, $lte, $in and $nin that compare strings under the query's
 * collation (mingo's `collation` option) and fall back to mingo's own operators without one.
 * Regular expressions are never collation-aware, as in mongod.
 */
export const collatedQueryOperators: Record<string, Operator> = {
  $eq: collated("$eq", (v, cmp) => (c) => c.some((x) => equals(x, v, cmp))),
  $ne: collated("$ne", (v, cmp) => (c) => !c.some((x) => equals(x, v, cmp))),
  $in: collated("$in", (v, cmp) => (c) => inList(c, v as unknown[], cmp)),
  $nin: collated("$nin", (v, cmp) => (c) => !inList(c, v as unknown[], cmp)),
  $gt: collated("$gt", (v, cmp) => range(v, cmp, (r) => r > 0)),
  $gte: collated("$gte", (v, cmp) => range(v, cmp, (r) => r >= 0)),
  $lt: collated("$lt", (v, cmp) => range(v, cmp, (r) => r < 0)),
  $lte: collated("$lte", (v, cmp) => range(v, cmp, (r) => r <= 0)),
};

function collated(name: string, build: (value: unknown, cmp: StringComparator) => Test): Operator {
  const original = (queryOperators as unknown as Record<string, Operator>)[name];
  return (selector, value, options) => {
    const collation = options?.collation === undefined ? null : parseCollation(options.collation);
    if (!collation) return original(selector, value, options);
    const test = build(value, collation.compare);
    const parts = selector.split(".");
    return (doc) => {
      const candidates: unknown[] = [];
      collect(doc, parts, 0, candidates);
      return test(candidates);
    };
  };
}

/** The values a path reaches with MongoDB's matching semantics: arrays along the way are expanded, and a leaf array counts whole and element by element. */
function collect(value: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    out.push(value);
    if (Array.isArray(value)) out.push(...value);
    return;
  }
  if (Array.isArray(value)) {
    const part = parts[i];
    if (/^\d+$/.test(part)) collect(value[Number(part)], parts, i + 1, out);
    for (const el of value)
      if (el !== null && typeof el === "object" && !Array.isArray(el)) collect(el, parts, i, out);
    return;
  }
  if (value === null || typeof value !== "object") {
    out.push(undefined);
    return;
  }
  collect((value as Record<string, unknown>)[parts[i]], parts, i + 1, out);
}

function equals(candidate: unknown, target: unknown, cmp: StringComparator): boolean {
  if (target === null || target === undefined) return candidate === null || candidate === undefined;
  if (candidate === undefined) return false;
  return compareValues(candidate, target, cmp) === 0;
}

function inList(candidates: unknown[], list: unknown[], cmp: StringComparator): boolean {
  return list.some((v) =>
    v instanceof RegExp
      ? candidates.some((c) => typeof c === "string" && v.test(c))
      : candidates.some((c) => equals(c, v, cmp)),
  );
}

function range(target: unknown, cmp: StringComparator, ok: (r: number) => boolean): Test {
  const rank = typeRank(target);
  return (candidates) =>
    candidates.some((c) => c !== undefined && typeRank(c) === rank && ok(compareValues(c, target, cmp)));
}
