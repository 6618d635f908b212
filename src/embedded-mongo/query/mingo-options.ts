import { Context, ProcessingMode } from "mingo/core";
import * as expressionOperators from "mingo/operators/expression";
import * as projectionOperators from "mingo/operators/projection";
import * as queryOperators from "mingo/operators/query";
import type { Options } from "mingo/types/types";
import { engineContext } from "./engine-context";
import { collatedQueryOperators } from "../collation/collated-query-operators";
import {
  decimalComparisonOperators,
  decimalExpressionOperators,
} from "../decimal/decimal-expression-operators";

/** Options for every mingo call: the engine's operators, and no cloning (storage is copy-on-write). */
export const mingoOptions: Partial<Options> = {
  processingMode: ProcessingMode.CLONE_OFF,
  useStrictMode: true,
  scriptEnabled: false,
  context: engineContext,
};

/**
 * Options for filters and projections. mingo copies the whole operator context on every Query it
 * builds, so queries get a context holding only what filters and projections use.
 */
export const queryOptions: Partial<Options> = {
  ...mingoOptions,
  context: Context.init({
    query: { ...queryOperators, ...collatedQueryOperators },
    projection: { ...projectionOperators },
    expression: { ...expressionOperators, ...engineExpressionOverrides() },
  } as Parameters<typeof Context.init>[0]),
};

function engineExpressionOverrides(): Record<string, unknown> {
  const out: Record<string, unknown> = {
    // The decimal-aware arithmetic and comparisons, as in the engine's context.
    ...decimalExpressionOperators,
    ...decimalComparisonOperators,
  };
  for (const name of ["$dateTrunc", "$dateToString"]) {
    const op = engineContext.getOperator("expression" as never, name);
    if (op) out[name] = op;
  }
  return out;
}
