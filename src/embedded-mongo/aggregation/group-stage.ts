import { Lazy, type Iterator as LazyIterator } from "mingo/lazy";
import type { Options } from "mingo/types/types";
import { compareValues } from "../bson/compare-values";
import { CommandError } from "../errors/command-error";
import { isPlainObject } from "../bson/is-plain-object";
import { compileExpression } from "./compile-expression";
import { groupKey } from "./group-key";
import { addDecimal, DecimalTotal, finishDecimal, needsDecimal } from "../decimal/decimal-accumulators";
import { compileTopN, hasArrayOnPaths, type TopNAccumulator } from "./top-n-accumulator";

type Stage = (coll: LazyIterator, expr: any, options: Options) => LazyIterator;

interface Accumulator {
  field: string;
  op: string;
  arg: unknown;
  /** `$topN` (top-n-accumulator.ts); the other operators go through initial/step/finish. */
  topN?: TopNAccumulator;
}

const SUPPORTED = new Set([
  "$sum",
  "$avg",
  "$min",
  "$max",
  "$first",
  "$last",
  "$push",
  "$addToSet",
  "$count",
]);

/**
 * $group with string-keyed hashing and inline accumulators for the common accumulators; any
 * other accumulator hands the whole stage to mingo's implementation.
 */
export function groupStage(fallback: Stage): Stage {
  return (coll, expr, options) => {
    if (!isPlainObject(expr) || !("_id" in expr)) {
      throw new CommandError(15955, "a group specification must include an _id");
    }
    const accumulators: Accumulator[] = [];
    for (const [field, spec] of Object.entries(expr)) {
      if (field === "_id") continue;
      if (!isPlainObject(spec) || Object.keys(spec).length !== 1) return fallback(coll, expr, options);
      const op = Object.keys(spec)[0];
      if (op === "$topN") {
        const topN = compileTopN(spec[op], (output) => evaluator(output, options));
        if (!topN) return fallback(coll, expr, options);
        accumulators.push({ field, op, arg: spec[op], topN });
        continue;
      }
      if (!SUPPORTED.has(op)) return fallback(coll, expr, options);
      accumulators.push({ field, op, arg: spec[op] });
    }
    const sortPaths = accumulators.flatMap((a) => a.topN?.sortPaths ?? []);
    if (sortPaths.length > 0) {
      // Arrays on a sort path follow $sort's array rules: mingo's accumulator has them.
      const docs = coll.collect() as Record<string, unknown>[];
      if (hasArrayOnPaths(docs, sortPaths)) return fallback(Lazy(docs), expr, options);
      coll = Lazy(docs);
    }
    const idOf = evaluator(expr._id, options);
    const args = accumulators.map((a) => (a.op === "$count" || a.topN ? () => 1 : evaluator(a.arg, options)));
    const groups = new Map<string, { id: unknown; state: unknown[] }>();
    for (let r = coll.next(); !r.done; r = coll.next()) {
      const doc = r.value as Record<string, unknown>;
      const id = idOf(doc);
      const key = groupKey(id);
      let group = groups.get(key);
      if (!group) {
        group = {
          id: id === undefined ? null : id,
          state: accumulators.map((a) => (a.topN ? a.topN.initial() : initial(a.op))),
        };
        groups.set(key, group);
      }
      for (let i = 0; i < accumulators.length; i++) {
        const topN = accumulators[i].topN;
        group.state[i] = topN
          ? topN.step(group.state[i] as ReturnType<TopNAccumulator["initial"]>, doc)
          : step(accumulators[i].op, group.state[i], args[i](doc));
      }
    }
    const out: Record<string, unknown>[] = [];
    for (const g of groups.values()) {
      const row: Record<string, unknown> = { _id: g.id };
      accumulators.forEach(
        (a, i) =>
          (row[a.field] = a.topN
            ? a.topN.finish(g.state[i] as ReturnType<TopNAccumulator["initial"]>)
            : finish(a.op, g.state[i])),
      );
      out.push(row);
    }
    return Lazy(out);
  };
}

/** Documents of field expressions ({a: "$x", b: "$y"}) drop fields that evaluate to missing, as MongoDB does. */
function evaluator(expr: unknown, options: Options): (doc: Record<string, unknown>) => unknown {
  if (isPlainObject(expr) && !Object.keys(expr).some((k) => k.startsWith("$"))) {
    const parts = Object.entries(expr).map(([k, v]) => [k, evaluator(v, options)] as const);
    return (doc) => {
      const out: Record<string, unknown> = {};
      for (const [k, f] of parts) {
        const v = f(doc);
        if (v !== undefined) out[k] = v;
      }
      return out;
    };
  }
  return compileExpression(expr, options);
}

interface AvgState {
  sum: number;
  n: number;
}

function initial(op: string): unknown {
  switch (op) {
    case "$sum":
    case "$count":
      return 0;
    case "$avg":
      return { sum: 0, n: 0 } satisfies AvgState;
    case "$push":
    case "$addToSet":
      return { values: [] as unknown[], seen: new Set<string>() };
    case "$first":
      return FIRST_UNSET;
    default:
      return undefined;
  }
}

const FIRST_UNSET = Symbol("unset");

function step(op: string, state: unknown, v: unknown): unknown {
  if ((op === "$sum" || op === "$avg") && needsDecimal(state, v)) {
    if (state instanceof DecimalTotal) return addDecimal(op, state, 0, 0, v);
    const plain = op === "$sum" ? { sum: state as number, n: 0 } : (state as AvgState);
    return addDecimal(op, state, plain.sum, plain.n, v);
  }
  switch (op) {
    case "$sum":
    case "$count":
      return typeof v === "number" ? (state as number) + v : state;
    case "$avg":
      if (typeof v === "number") {
        (state as AvgState).sum += v;
        (state as AvgState).n++;
      }
      return state;
    case "$min":
    case "$max":
      if (v === null || v === undefined) return state;
      if (state === undefined) return v;
      return (op === "$min" ? compareValues(v, state) < 0 : compareValues(v, state) > 0) ? v : state;
    case "$first":
      return state === FIRST_UNSET ? (v === undefined ? null : v) : state;
    case "$last":
      return v === undefined ? null : v;
    case "$push":
      if (v !== undefined) (state as { values: unknown[] }).values.push(v);
      return state;
    case "$addToSet": {
      if (v === undefined) return state;
      const s = state as { values: unknown[]; seen: Set<string> };
      const key = groupKey(v);
      if (!s.seen.has(key)) {
        s.seen.add(key);
        s.values.push(v);
      }
      return state;
    }
    default:
      return state;
  }
}

function finish(op: string, state: unknown): unknown {
  if (state instanceof DecimalTotal) return finishDecimal(op, state);
  switch (op) {
    case "$avg": {
      const s = state as AvgState;
      return s.n === 0 ? null : s.sum / s.n;
    }
    case "$push":
    case "$addToSet":
      return (state as { values: unknown[] }).values;
    case "$first":
      return state === FIRST_UNSET ? null : state;
    case "$min":
    case "$max":
    case "$last":
      return state === undefined ? null : state;
    default:
      return state;
  }
}
