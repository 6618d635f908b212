import type { CompiledValidator } from "./compiled-validator";
import { explainValidatorNode } from "./explain-validator-node";
import { matchesValidatorNode } from "./matches-validator-node";
import type { ValidationErrorDetail } from "./validation-error-detail";

type Doc = Readonly<Record<string, unknown>>;

/**
 * Checks a document against a compiled validator. Returns null when it passes, else mongod's
 * `errInfo.details`: the failing clause's details when the validator has one clause (e.g.
 * `{operatorName: "$jsonSchema", schemaRulesNotSatisfied: [...]}`), or
 * `{operatorName: "$and", clausesNotSatisfied: [{index, details}]}` for several.
 */
export function validateDocument(validator: CompiledValidator, doc: Doc): ValidationErrorDetail | null {
  const { clauses } = validator;
  const failing = clauses.flatMap((clause, index) => (matchesValidatorNode(clause, doc) ? [] : [index]));
  if (failing.length === 0) return null;
  if (clauses.length === 1) return explainValidatorNode(clauses[0], doc);
  return {
    operatorName: "$and",
    clausesNotSatisfied: failing.map((index) => ({
      index,
      details: explainValidatorNode(clauses[index], doc),
    })),
  };
}
