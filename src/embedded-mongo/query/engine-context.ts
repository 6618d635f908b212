import { Context } from "mingo/core";
import { Lazy, type Iterator as LazyIterator } from "mingo/lazy";
import * as accumulatorOperators from "mingo/operators/accumulator";
import * as expressionOperators from "mingo/operators/expression";
import * as pipelineOperators from "mingo/operators/pipeline";
import * as projectionOperators from "mingo/operators/projection";
import * as queryOperators from "mingo/operators/query";
import * as windowOperators from "mingo/operators/window";
import type { Options } from "mingo/types/types";
import { cloneValue } from "../bson/clone-value";
import { isPlainObject } from "../bson/is-plain-object";
import { sortDocuments } from "./sort-documents";
import { toSortSpec } from "./sort-spec";
import type { Doc } from "../storage/doc";
import { dateToStringOperator } from "../aggregation/date-to-string-operator";
import { dateTruncOperator } from "../aggregation/date-trunc-operator";
import { groupStage } from "../aggregation/group-stage";
import {
  medianAccumulator,
  medianExpression,
  percentileAccumulator,
  percentileExpression,
} from "../aggregation/percentile-operators";
import { collatedQueryOperators } from "../collation/collated-query-operators";
import { parseCollation } from "../collation/parse-collation";
import {
  decimalComparisonOperators,
  decimalExpressionOperators,
} from "../decimal/decimal-expression-operators";

type Stage = (coll: LazyIterator, expr: any, options: Options) => LazyIterator;

/**
 * mingo's $addFields/$set/$unset write into embedded documents in place; stored documents are
 * shared, so the top-level fields a stage reaches into are copied first.
 */
function copyingNested(stage: Stage, fieldsOf: (expr: any) => string[]): Stage {
  return (coll, expr, options) => {
    const fields = fieldsOf(expr);
    if (fields.length === 0) return stage(coll, expr, options);
    const copied = coll.map((doc: Doc) => {
      const out: Doc = { ...doc };
      for (const f of fields) if (out[f] !== null && typeof out[f] === "object") out[f] = cloneValue(out[f]);
      return out;
    });
    return stage(copied, expr, options);
  };
}

/** Top-level fields an $addFields/$set spec reaches below (dotted keys or embedded-document specs). */
function nestedTargets(expr: unknown): string[] {
  if (!isPlainObject(expr)) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(expr)) {
    if (key.includes(".")) out.push(key.split(".")[0]);
    else if (isPlainObject(value) && !Object.keys(value).some((k) => k.startsWith("$"))) out.push(key);
  }
  return out;
}

function unsetTargets(expr: unknown): string[] {
  const paths = Array.isArray(expr) ? expr : [expr];
  return paths
    .filter((p): p is string => typeof p === "string" && p.includes("."))
    .map((p) => p.split(".")[0]);
}

/** $sort with MongoDB's cross-type order and array semantics. */
const sortStage: Stage = (coll, expr, options) => {
  const docs = coll.collect<Doc>();
  const collation = options?.collation ? parseCollation(options.collation) : null;
  return Lazy(sortDocuments(docs, toSortSpec(expr), Infinity, collation?.compare));
};

/**
 * All of mingo's operators with the engine's substitutions. Built in full because mingo's
 * default wrappers merge contexts with their own operators taking precedence.
 */
export const engineContext = Context.init({
  accumulator: { ...accumulatorOperators, $percentile: percentileAccumulator, $median: medianAccumulator },
  expression: {
    ...expressionOperators,
    $dateTrunc: dateTruncOperator,
    $dateToString: dateToStringOperator,
    $percentile: percentileExpression,
    $median: medianExpression,
    ...decimalExpressionOperators,
    ...decimalComparisonOperators,
  },
  pipeline: {
    ...pipelineOperators,
    $addFields: copyingNested(pipelineOperators.$addFields, nestedTargets),
    $set: copyingNested(pipelineOperators.$set, nestedTargets),
    $unset: copyingNested(pipelineOperators.$unset, unsetTargets),
    $sort: sortStage,
    $group: groupStage(pipelineOperators.$group),
  },
  projection: { ...projectionOperators },
  query: { ...queryOperators, ...collatedQueryOperators },
  window: { ...windowOperators },
} as Parameters<typeof Context.init>[0]);
