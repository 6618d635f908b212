import { Aggregator } from "mingo";
import { bsonTypeOf } from "./bson-type-of";
import { checkJsonSchema } from "./check-json-schema";
import { collectPathValues } from "./collect-path-values";
import { matchesValidatorNode } from "./matches-validator-node";
import type { ValidationErrorDetail } from "./validation-error-detail";
import type { ValidatorNode } from "./validator-node";

type Doc = Readonly<Record<string, unknown>>;

interface OperatorInfo {
  /** Reason when the clause fails, and when a negation ($nor, $not) fails because it matched. */
  readonly reasons: readonly [normal: string, inverted: string];
  /** Types the operator works on; none of them present → "type did not match". */
  readonly expectedTypes?: readonly string[];
  /** Operators on the array itself see it whole rather than element by element. */
  readonly wholeArray?: boolean;
}

const COMPARISON: OperatorInfo = { reasons: ["comparison failed", "comparison succeeded"] };
const IN: OperatorInfo = { reasons: ["no matching value found in array", "matching value found in array"] };
const NUMBERS = ["decimal", "double", "int", "long"];
const BITS: OperatorInfo = {
  reasons: ["bitwise operator failed to match", "bitwise operator matched successfully"],
  expectedTypes: ["binData", ...NUMBERS],
};

/** mongod's pair of reasons "<head> not <tail>" (the clause failed) and "<head> <tail>" (a negation failed). */
function negatable(head: string, tail: string): OperatorInfo["reasons"] {
  return [`${head} not ${tail}`, `${head} ${tail}`];
}

// Reasons are mongod's (doc_validation_error.cpp).
const OPERATORS: Readonly<Record<string, OperatorInfo>> = {
  $eq: COMPARISON,
  $ne: COMPARISON,
  $gt: COMPARISON,
  $gte: COMPARISON,
  $lt: COMPARISON,
  $lte: COMPARISON,
  $in: IN,
  $nin: IN,
  $exists: { reasons: negatable("path does", "exist") },
  $type: { reasons: negatable("type did", "match") },
  $regex: {
    reasons: negatable("regular expression did", "match"),
    expectedTypes: ["regex", "string", "symbol"],
  },
  $size: {
    reasons: negatable("array length was", "equal to given size"),
    expectedTypes: ["array"],
    wholeArray: true,
  },
  $all: { reasons: negatable("array did", "contain all specified values"), wholeArray: true },
  $elemMatch: {
    reasons: negatable("array did", "satisfy the child predicate"),
    expectedTypes: ["array"],
    wholeArray: true,
  },
  $mod: { reasons: negatable("$mod did", "evaluate to expected remainder"), expectedTypes: NUMBERS },
  $bitsAllSet: BITS,
  $bitsAllClear: BITS,
  $bitsAnySet: BITS,
  $bitsAnyClear: BITS,
};
const GENERIC: OperatorInfo = { reasons: negatable("expression did", "match") };

/** `consideredType` for one type, `consideredTypes` (sorted, as mongod's std::set) for several. */
function typesField(name: "considered" | "expected", types: Iterable<string>): Record<string, unknown> {
  const sorted = [...new Set(types)].sort();
  return sorted.length === 1 ? { [`${name}Type`]: sorted[0] } : { [`${name}Types`]: sorted };
}

function explainField(
  node: Extract<ValidatorNode, { kind: "field" }>,
  doc: Doc,
  inverted: boolean,
): ValidationErrorDetail {
  const info = OPERATORS[node.operator] ?? GENERIC;
  // $ne, $nin and {$exists: false} are mongod's negations of $eq, $in and {$exists: true}.
  const negated =
    node.operator === "$ne" || node.operator === "$nin" || (node.operator === "$exists" && !node.operand);
  const values = collectPathValues(doc, node.path, !info.wholeArray);
  const detail: ValidationErrorDetail = { operatorName: node.operator, specifiedAs: node.specifiedAs };

  if (node.operator !== "$exists") {
    if (values === undefined) {
      detail.reason = "field was missing";
    } else if (
      info.expectedTypes &&
      !values.some((value) => info.expectedTypes?.includes(bsonTypeOf(value)))
    ) {
      detail.reason = "type did not match";
      Object.assign(
        detail,
        typesField("considered", values.map(bsonTypeOf)),
        typesField("expected", info.expectedTypes),
      );
    }
  }
  detail.reason ??= info.reasons[inverted !== negated ? 1 : 0];
  if (values !== undefined && node.operator !== "$exists") {
    if (values.length === 1) detail.consideredValue = values[0];
    else detail.consideredValues = values;
    if (node.operator === "$type" && values.length > 0)
      Object.assign(detail, typesField("considered", values.map(bsonTypeOf)));
  }
  return detail;
}

/** $expr errors carry what the expression evaluated to; evaluation problems just leave it out. */
function expressionResult(expression: unknown, doc: Doc): Record<string, unknown> {
  try {
    const [result] = new Aggregator([{ $replaceWith: { result: expression } }]).run([doc]);
    return result && "result" in result ? { expressionResult: result.result } : {};
  } catch {
    return {};
  }
}

/**
 * mongod's error details for a validator clause the document does not satisfy (or, with
 * `inverted`, one a negation wanted to fail but which matched). Call it only for such clauses.
 */
export function explainValidatorNode(node: ValidatorNode, doc: Doc, inverted = false): ValidationErrorDetail {
  switch (node.kind) {
    case "jsonSchema":
      if (inverted) return { operatorName: "$jsonSchema", reason: "schema matched" };
      return {
        operatorName: "$jsonSchema",
        ...node.schema.annotations,
        schemaRulesNotSatisfied: checkJsonSchema(node.schema, doc, true),
      };
    case "$and":
    case "$or":
    case "$nor": {
      // Which children explain the failure: those that failed for $and/$or, those that matched
      // for $nor; under an inversion it is the opposite set, described the opposite way.
      const childInverted = node.kind === "$nor" ? !inverted : inverted;
      const clauses = node.children.flatMap((child, index) => {
        const explains = matchesValidatorNode(child, doc) === childInverted;
        return explains ? [{ index, details: explainValidatorNode(child, doc, childInverted) }] : [];
      });
      return { operatorName: node.kind, [inverted ? "clausesSatisfied" : "clausesNotSatisfied"]: clauses };
    }
    case "not":
      return {
        operatorName: "$not",
        specifiedAs: node.specifiedAs,
        details: explainValidatorNode(node.child, doc, !inverted),
      };
    case "expr":
      return {
        operatorName: "$expr",
        specifiedAs: { $expr: node.expression },
        reason: GENERIC.reasons[inverted ? 1 : 0],
        ...expressionResult(node.expression, doc),
      };
    case "field":
      return explainField(node, doc, inverted);
    case "other":
      return {
        operatorName: node.operator,
        specifiedAs: node.specifiedAs,
        reason: GENERIC.reasons[inverted ? 1 : 0],
      };
  }
}
