import { isPlainObject } from "../bson/is-plain-object";
import { UnsupportedDecimalError } from "../errors/unsupported-decimal-error";
import type { Collection } from "../storage/collection";
import { UPDATE_OPERATORS } from "./update-operators";

/** Update operators that compute with (or compare through mingo) the values they touch. */
const COMPUTING_UPDATES = new Set(["$inc", "$mul", "$min", "$max", "$bit"]);
/** Computed exactly in decimal128 on plain paths (decimal/decimal-updates.ts). */
const DECIMAL_UPDATES = new Set(["$inc", "$mul"]);
/** Query operators evaluated as expressions or arithmetic (mingo, JS numbers). */
const COMPUTING_QUERY = new Set(["$expr", "$where", "$function", "$mod", "$bitsAllSet", "$bitsAnySet"]);
/** Stages that only filter, order or pass documents through: the engine's own comparisons. */
const PASSING_STAGES = new Set(["$sort", "$limit", "$skip", "$count", "$out", "$unwind", "$sample"]);

/**
 * Decimal128 is stored exactly and compared exactly (filters, sorts, indexes, distinct), but
 * mingo computes with JS numbers: refuse arithmetic, accumulators and expressions that would
 * compute with a Decimal128 value (a literal, or a field known to hold one) with code 238 naming
 * the operator, rather than return a wrong answer. Each spec is a filter, a sort, an update or a
 * pipeline (an array of stages).
 */
export function guardDecimals(coll: Collection | undefined, ...specs: unknown[]): void {
  const fields = coll?.decimalFields ?? new Set<string>();
  for (const spec of specs) {
    if (Array.isArray(spec)) guardPipeline(spec, fields);
    else if (isUpdate(spec)) guardUpdate(spec, fields);
    else guardFilter(spec, fields);
  }
}

function isUpdate(spec: unknown): spec is Record<string, unknown> {
  if (!isPlainObject(spec)) return false;
  const keys = Object.keys(spec);
  return keys.length > 0 && keys.every((k) => UPDATE_OPERATORS.has(k));
}

function guardPipeline(stages: unknown[], fields: Set<string>): void {
  for (const stage of stages) {
    if (!isPlainObject(stage)) continue;
    const [name] = Object.keys(stage);
    if (name === "$match") guardFilter(stage.$match, fields);
    else if (name === "$group" && decimalSafeGroup(stage.$group, fields)) continue;
    else if (EXPRESSION_STAGES.has(name) && decimalSafeExpression(stage[name])) continue;
    else if (!PASSING_STAGES.has(name) && involvesDecimal(stage[name], fields)) refuse(name);
  }
}

/** Accumulators the engine's $group computes exactly on Decimal128 (aggregation/group-stage.ts). */
const DECIMAL_ACCUMULATORS = new Set(["$sum", "$avg", "$min", "$max", "$first", "$last", "$push", "$count"]);

/** A $group keyed without Decimal128 whose accumulators take field paths or literals only. */
function decimalSafeGroup(spec: unknown, fields: Set<string>): boolean {
  if (!isPlainObject(spec) || involvesDecimal(spec._id, fields)) return false;
  return Object.entries(spec).every(([field, acc]) => {
    if (field === "_id") return true;
    if (!isPlainObject(acc) || Object.keys(acc).length !== 1) return false;
    const [op] = Object.keys(acc);
    const arg = acc[op];
    return DECIMAL_ACCUMULATORS.has(op) && decimalSafeExpression(arg);
  });
}

/** Stages whose specification is a document of expressions. */
const EXPRESSION_STAGES = new Set(["$project", "$addFields", "$set"]);
/** Expression operators computed exactly on Decimal128 (decimal/decimal-expression-operators.ts). */
const DECIMAL_EXPRESSIONS = new Set([
  "$add",
  "$subtract",
  "$multiply",
  "$divide",
  "$abs",
  ...["$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$cmp"],
]);

/** Field paths, literals, sub-documents and arrays of them, and the exact decimal operators over them. */
function decimalSafeExpression(v: unknown): boolean {
  if (v === null || typeof v !== "object" || isDecimalLiteral(v)) return true;
  if (Array.isArray(v)) return v.every(decimalSafeExpression);
  if (!isPlainObject(v)) return false;
  const keys = Object.keys(v);
  if (keys.every((k) => !k.startsWith("$"))) return keys.every((k) => decimalSafeExpression(v[k]));
  return keys.length === 1 && DECIMAL_EXPRESSIONS.has(keys[0]) && decimalSafeExpression(v[keys[0]]);
}

function isDecimalLiteral(v: unknown): boolean {
  return (v as { _bsontype?: string } | null)?._bsontype === "Decimal128";
}

function guardUpdate(update: Record<string, unknown>, fields: Set<string>): void {
  for (const [op, args] of Object.entries(update)) {
    if (!COMPUTING_UPDATES.has(op) || !isPlainObject(args)) continue;
    for (const [path, operand] of Object.entries(args)) {
      if (DECIMAL_UPDATES.has(op) && !path.includes("$")) continue;
      if (containsDecimal(operand) || fields.has(path.split(".")[0])) refuse(op);
    }
  }
}

/** `onDecimalField`: the operators met apply to a field known to hold Decimal128 values. */
function guardFilter(filter: unknown, fields: Set<string>, onDecimalField = false): void {
  if (Array.isArray(filter)) {
    for (const f of filter) guardFilter(f, fields, onDecimalField);
    return;
  }
  if (!isPlainObject(filter)) return;
  for (const [key, value] of Object.entries(filter)) {
    if (COMPUTING_QUERY.has(key)) {
      if (key === "$expr" && decimalSafeExpression(value)) continue;
      if (onDecimalField || involvesDecimal(value, fields)) refuse(key);
      continue;
    }
    const decimalField = key.startsWith("$") ? onDecimalField : fields.has(key.split(".")[0]);
    guardFilter(value, fields, decimalField);
  }
}

function refuse(operator: string): never {
  throw new UnsupportedDecimalError(`Decimal128 values in ${operator} (arithmetic and expressions)`);
}

/** A Decimal128 literal, or a reference to a field known to hold one ("$price" or a key). */
function involvesDecimal(v: unknown, fields: Set<string>): boolean {
  if (typeof v === "string")
    return v.startsWith("$") && !v.startsWith("$$") && fields.has(v.slice(1).split(".")[0]);
  if (v === null || typeof v !== "object") return false;
  if ((v as { _bsontype?: string })._bsontype === "Decimal128") return true;
  if (Array.isArray(v)) return v.some((x) => involvesDecimal(x, fields));
  if (!isPlainObject(v)) return false;
  return Object.entries(v).some(
    ([key, value]) =>
      (!key.startsWith("$") && fields.has(key.split(".")[0])) || involvesDecimal(value, fields),
  );
}

function containsDecimal(v: unknown): boolean {
  return involvesDecimal(v, new Set());
}
