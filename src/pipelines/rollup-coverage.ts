import type { Document } from "mongodb";
import type { MetricDimension } from "../pipelines/metric-dimension";

/** The alert fields a rollup document keeps: filters and dimensions on them are covered. */
export const ROLLUP_FIELDS: ReadonlySet<string> = new Set(["type", "source", "severity", "resolved"]);

const LOGICAL = new Set(["$and", "$or", "$nor"]);
const FIELD_OPERATORS = new Set(["$in", "$nin", "$eq", "$ne", "$exists", "$gt", "$gte", "$lt", "$lte"]);

/**
 * True when `filter` constrains only the rollup's fields with plain operators, so that the
 * same filter selects the same alerts from a rollup document as from the alerts it counts.
 */
export function filterIsCovered(filter: Document): boolean {
  return Object.entries(filter).every(([key, value]) => {
    if (LOGICAL.has(key))
      return Array.isArray(value) && value.every((inner) => filterIsCovered(inner as Document));
    if (!ROLLUP_FIELDS.has(key)) return false;
    if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Date)
      return true;
    const operators = Object.keys(value as Document);
    if (!operators.some((operator) => operator.startsWith("$"))) return true;
    return operators.every((operator) => FIELD_OPERATORS.has(operator));
  });
}

/** True when every dimension is a plain rollup field (no unwind, no computed expression). */
export function dimensionsAreCovered(dimensions: readonly MetricDimension[]): boolean {
  return dimensions.every(
    (dimension) =>
      !dimension.unwind &&
      dimension.expression === undefined &&
      ROLLUP_FIELDS.has(dimension.path.replace(/^\$/, "")),
  );
}

/**
 * The accumulators of a rollup read for those of a raw read, or null when one is not a
 * count: `{ $sum: 1 }` becomes `{ $sum: "$count" }`, and `{ $sum: { $cond: [c, 1, 0] } }`
 * with `c` on rollup fields becomes `{ $sum: { $cond: [c, "$count", 0] } }`.
 */
export function rollupAccumulators(
  accumulators: Readonly<Record<string, Document>>,
): Record<string, Document> | null {
  const converted: Record<string, Document> = {};
  for (const [name, accumulator] of Object.entries(accumulators)) {
    const keys = Object.keys(accumulator);
    if (keys.length !== 1 || keys[0] !== "$sum") return null;
    const argument = accumulator.$sum as unknown;
    if (argument === 1) {
      converted[name] = { $sum: "$count" };
      continue;
    }
    const cond = (argument as Document | null)?.$cond as unknown;
    if (
      Array.isArray(cond) &&
      cond.length === 3 &&
      cond[1] === 1 &&
      cond[2] === 0 &&
      Object.keys(argument as Document).length === 1 &&
      referencesOnlyRollupFields(cond[0])
    ) {
      converted[name] = { $sum: { $cond: [cond[0], "$count", 0] } };
      continue;
    }
    return null;
  }
  return converted;
}

function referencesOnlyRollupFields(expression: unknown): boolean {
  if (typeof expression === "string") {
    if (expression.startsWith("$$")) return false;
    return !expression.startsWith("$") || ROLLUP_FIELDS.has(expression.slice(1));
  }
  if (Array.isArray(expression)) return expression.every(referencesOnlyRollupFields);
  if (expression !== null && typeof expression === "object" && !(expression instanceof Date)) {
    return Object.values(expression).every(referencesOnlyRollupFields);
  }
  return true;
}
