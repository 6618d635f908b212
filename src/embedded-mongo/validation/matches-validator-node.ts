import { checkJsonSchema } from "./check-json-schema";
import type { ValidatorNode } from "./validator-node";

/** Whether a document satisfies a compiled validator clause. */
export function matchesValidatorNode(node: ValidatorNode, doc: Readonly<Record<string, unknown>>): boolean {
  switch (node.kind) {
    case "jsonSchema":
      return checkJsonSchema(node.schema, doc, true).length === 0;
    case "$and":
      return node.children.every((child) => matchesValidatorNode(child, doc));
    case "$or":
      return node.children.some((child) => matchesValidatorNode(child, doc));
    case "$nor":
      return !node.children.some((child) => matchesValidatorNode(child, doc));
    case "not":
      return !matchesValidatorNode(node.child, doc);
    default:
      return node.query.test(doc);
  }
}
