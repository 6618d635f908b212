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
 * $eq, $ne, $gt, $gte, $lt, $lte, $in and $nin in the engine's comparison order (compareValues:
 * MongoDB's cross-type rules, Decimal128 compared exactly), with strings compared under the
 * query's collation (mingo's `collation` option) when it has one. They replace mingo's own,
 * which compare with JS semantics. Regular expressions are never collation-aware, as in mongod.
 */
export const collatedQueryOperators: Record<string, Operator> = {
  $eq: collated((v, cmp) => (c) => c.some((x) => equals(x, v, cmp))),
  $ne: collated((v, cmp) => (c) => !c.some((x) => equals(x, v, cmp))),
  $in: collated((v, cmp) => (c) => inList(c, v as unknown[], cmp)),
  $nin: collated((v, cmp) => (c) => !inList(c, v as unknown[], cmp)),
  $gt: collated((v, cmp) => range(v, cmp, (r) => r > 0)),
  $gte: collated((v, cmp) => range(v, cmp, (r) => r >= 0)),
  $lt: collated((v, cmp) => range(v, cmp, (r) => r < 0)),
  $lte: collated((v, cmp) => range(v, cmp, (r) => r <= 0)),
};

function collated(build: (value: unknown, cmp: StringComparator | undefined) => Test): Operator {
  return (selector, value, options) => {
    const collation = options?.collation === undefined ? null : parseCollation(options.collation);
    const test = build(value, collation?.compare);
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

function equals(candidate: unknown, target: unknown, cmp: StringComparator | undefined): boolean {
  if (target === null || target === undefined) return candidate === null || candidate === undefined;
  if (candidate === undefined) return false;
  return compareValues(candidate, target, cmp) === 0;
}

function inList(candidates: unknown[], list: unknown[], cmp: StringComparator | undefined): boolean {
  return list.some((v) =>
    v instanceof RegExp
      ? candidates.some((c) => typeof c === "string" && v.test(c))
      : candidates.some((c) => equals(c, v, cmp)),
  );
}

function range(target: unknown, cmp: StringComparator | undefined, ok: (r: number) => boolean): Test {
  const rank = typeRank(target);
  return (candidates) =>
    candidates.some((c) => c !== undefined && typeRank(c) === rank && ok(compareValues(c, target, cmp)));
}
