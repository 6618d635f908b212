import { isPlainObject } from "../bson/is-plain-object";
import { RESHAPING_STAGES } from "../aggregation/reshaping-stages";
import { CommandError } from "../errors/command-error";

/** Stages whose string comparisons the engine carries out under a collation ($match, $sort) or which compare nothing. */
const COLLATED_STAGES = new Set([
  "$match",
  "$sort",
  "$skip",
  "$limit",
  ...RESHAPING_STAGES,
  "$unwind",
  "$count",
  "$documents",
  "$out",
]);

/** Expression operators that compare strings, which mingo evaluates without a collation. */
const COMPARING_EXPRESSIONS = new Set([
  "$expr",
  "$eq",
  "$ne",
  "$gt",
  "$gte",
  "$lt",
  "$lte",
  "$cmp",
  "$in",
  "$indexOfArray",
  "$setEquals",
  "$setIntersection",
  "$setUnion",
  "$setDifference",
  "$setIsSubset",
  "$min",
  "$max",
  "$sortArray",
  "$switch",
  "$filter",
]);

/**
 * Refuses, with code 238 naming what is missing, a pipeline that would compare strings
 * somewhere the engine cannot apply a collation ($group keys, $lookup, expressions), rather
 * than answering with binary comparisons.
 */
export function assertCollatedPipeline(stages: Record<string, unknown>[]): void {
  for (const stage of stages) {
    const name = Object.keys(stage)[0];
    if (name === "$group" && countsOnly(stage.$group)) continue;
    if (!COLLATED_STAGES.has(name)) throw unsupported(`the ${name} stage`);
    const body = name === "$match" ? matchExpressions(stage.$match) : stage[name];
    const op = name === "$sort" ? null : comparingOperator(body);
    if (op) throw unsupported(`${op} in ${name}`);
  }
}

/** Accumulators that never compare two values. */
const NON_COMPARING_ACCUMULATORS = new Set([
  "$sum",
  "$avg",
  "$count",
  "$first",
  "$last",
  "$push",
  "$stdDevPop",
  "$stdDevSamp",
]);

/** A $group on a constant key with non-comparing accumulators (countDocuments' shape) needs no collation. */
function countsOnly(spec: unknown): boolean {
  if (!isPlainObject(spec)) return false;
  const id = spec._id;
  const constant = id === null || typeof id === "number" || (typeof id === "string" && !id.startsWith("$"));
  if (!constant) return false;
  return Object.entries(spec).every(([field, acc]) => {
    if (field === "_id") return true;
    if (!isPlainObject(acc) || Object.keys(acc).length !== 1) return false;
    const [op] = Object.keys(acc);
    return NON_COMPARING_ACCUMULATORS.has(op) && comparingOperator(acc[op]) === null;
  });
}

function unsupported(what: string): CommandError {
  return new CommandError(238, `the embedded engine does not support a non-simple collation with ${what}`);
}

/** In $match, query operators ($eq, $in, ...) are collation-aware; only $expr is not. */
function matchExpressions(filter: unknown): unknown {
  if (!isPlainObject(filter)) return filter;
  return "$expr" in filter ? { $expr: filter.$expr } : walkLogical(filter);
}

function walkLogical(filter: Record<string, unknown>): unknown {
  const found: unknown[] = [];
  for (const key of ["$and", "$or", "$nor"]) {
    const parts = filter[key];
    if (Array.isArray(parts)) for (const p of parts) found.push(matchExpressions(p));
  }
  return found;
}

function comparingOperator(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const v of value) {
      const op = comparingOperator(v);
      if (op) return op;
    }
    return null;
  }
  if (!isPlainObject(value)) return null;
  for (const [key, v] of Object.entries(value)) {
    if (COMPARING_EXPRESSIONS.has(key)) return key;
    const op = comparingOperator(v);
    if (op) return op;
  }
  return null;
}
