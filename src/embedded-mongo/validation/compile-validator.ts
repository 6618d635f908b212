import { Query } from "mingo";
import type { CompiledValidator } from "./compiled-validator";
import { parseJsonSchemaNode } from "./parse-json-schema-node";
import { isValidatorObject } from "./is-validator-object";
import { ValidatorError } from "./validator-error";
import type { ValidatorNode } from "./validator-node";

type Doc = Readonly<Record<string, unknown>>;

// mongod refuses these in collection validators.
const NOT_ALLOWED = new Set(["$where", "$text", "$near", "$nearSphere", "$geoNear"]);

/** Builds a mingo Query, turning its complaints about unknown operators into BadValue. */
function mingoQuery(criteria: Doc): Query {
  try {
    return new Query(criteria as Record<string, unknown>);
  } catch (error) {
    throw ValidatorError.badValue(error instanceof Error ? error.message : String(error));
  }
}

/** Several clauses on one level are an implicit $and; one clause stands for itself. */
const single = (nodes: ValidatorNode[]): ValidatorNode =>
  nodes.length === 1 ? nodes[0] : { kind: "$and", children: nodes };

function checkAllowed(operator: string): void {
  if (NOT_ALLOWED.has(operator))
    throw ValidatorError.queryFeatureNotAllowed(`${operator} is not allowed in this context`);
}

function compileFieldClauses(path: string, value: unknown): ValidatorNode[] {
  const operators = isValidatorObject(value) ? Object.keys(value) : [];
  const isOperatorObject = operators.length > 0 && operators.every((key) => key.startsWith("$"));
  if (!isOperatorObject) {
    const operator =
      value instanceof RegExp || (value as { _bsontype?: unknown })?._bsontype === "BSONRegExp"
        ? "$regex"
        : "$eq";
    return [
      {
        kind: "field",
        path,
        operator,
        operand: value,
        specifiedAs: { [path]: value },
        query: mingoQuery({ [path]: operator === "$regex" ? value : { $eq: value } }),
      },
    ];
  }

  const spec = value as Doc;
  const nodes: ValidatorNode[] = [];
  for (const operator of operators) {
    checkAllowed(operator);
    // $options belongs to its $regex and is reported with it.
    if (operator === "$options") {
      if (spec.$regex === undefined) throw ValidatorError.badValue("$options needs a $regex");
      continue;
    }
    if (operator === "$not") {
      nodes.push({
        kind: "not",
        specifiedAs: { [path]: { $not: spec.$not } },
        child: single(compileFieldClauses(path, spec.$not)),
      });
      continue;
    }
    const criterion: Record<string, unknown> = { [operator]: spec[operator] };
    if (operator === "$regex" && spec.$options !== undefined) criterion.$options = spec.$options;
    nodes.push({
      kind: "field",
      path,
      operator,
      operand: spec[operator],
      specifiedAs: { [path]: criterion },
      query: mingoQuery({ [path]: criterion }),
    });
  }
  return nodes;
}

function compileLogical(operator: "$and" | "$or" | "$nor", value: unknown): ValidatorNode {
  if (!Array.isArray(value)) throw ValidatorError.badValue(`${operator} must be an array`);
  if (value.length === 0) throw ValidatorError.badValue("$and/$or/$nor must be a nonempty array");
  const children = value.map((entry) => {
    if (!isValidatorObject(entry))
      throw ValidatorError.badValue("$or/$and/$nor entries need to be full objects");
    return single(compileClauses(entry));
  });
  return { kind: operator, children };
}

function compileClauses(filter: Doc): ValidatorNode[] {
  const nodes: ValidatorNode[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === "$comment") continue;
    if (key === "$jsonSchema") {
      if (!isValidatorObject(value)) throw ValidatorError.typeMismatch("$jsonSchema must be an object");
      nodes.push({ kind: "jsonSchema", schema: parseJsonSchemaNode(value) });
    } else if (key === "$and" || key === "$or" || key === "$nor") {
      nodes.push(compileLogical(key, value));
    } else if (key === "$expr") {
      nodes.push({ kind: "expr", expression: value, query: mingoQuery({ $expr: value }) });
    } else if (key.startsWith("$")) {
      checkAllowed(key);
      nodes.push({
        kind: "other",
        operator: key,
        specifiedAs: { [key]: value },
        query: mingoQuery({ [key]: value }),
      });
    } else {
      nodes.push(...compileFieldClauses(key, value));
    }
  }
  return nodes;
}

/**
 * Compiles a collection validator: a query filter, which may use `$jsonSchema` at the top level or
 * inside $and/$or/$nor, next to ordinary query clauses (matched with mingo). Throws ValidatorError
 * as mongod's create/collMod would reject the validator.
 */
export function compileValidator(validator: unknown): CompiledValidator {
  if (!isValidatorObject(validator)) throw ValidatorError.typeMismatch("'validator' must be an object");
  return { validator, clauses: compileClauses(validator) };
}
