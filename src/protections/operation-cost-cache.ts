import {
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
  type ValueNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { UNPAGED_LIST_BOUNDS } from "./list-bounds";

/** How many variable combinations one document's costs are kept for. */
export const COSTS_PER_DOCUMENT = 64;

/**
 * What decides a document's cost besides the document itself: null when the estimate
 * cannot be reused (it reads arguments other than `first`, e.g. a trend window, which
 * also depends on the clock), else the variables it reads (`first` and directives).
 */
type CostInputs = { variables: readonly string[]; costs: Map<string, number> } | null;

/**
 * Reuses an operation's estimated cost (src/protections/cost-limit.ts) for requests that
 * send the same document with the same values of the variables the estimate reads. A
 * case detail asked for a thousand different ids is priced once: the id does not change
 * its price. Documents are keyed by identity (Apollo keeps one parsed document per query
 * text), so a document Apollo forgets is forgotten here too.
 */
export class OperationCostCache {
  private readonly inputs = new WeakMap<DocumentNode, Map<string, CostInputs>>();

  constructor(private readonly schema: GraphQLSchema) {}

  cost(
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined,
    estimate: () => number,
  ): number {
    let byOperation = this.inputs.get(document);
    if (!byOperation) this.inputs.set(document, (byOperation = new Map()));
    const operationKey = operationName ?? "";
    let inputs = byOperation.get(operationKey);
    if (inputs === undefined) {
      inputs = costInputsOf(this.schema, document);
      byOperation.set(operationKey, inputs);
    }
    if (inputs === null) return estimate();
    const key = inputs.variables
      .map((name) => (variables && name in variables ? JSON.stringify(variables[name]) : "-"))
      .join(",");
    const known = inputs.costs.get(key);
    if (known !== undefined) return known;
    const cost = estimate();
    if (inputs.costs.size >= COSTS_PER_DOCUMENT) inputs.costs.delete(inputs.costs.keys().next().value!);
    inputs.costs.set(key, cost);
    return cost;
  }
}

/**
 * Walks every field of the document (all operations and fragments: a superset of what
 * one operation reads) with the estimators' rules in mind: a `first` argument is read
 * by pageSizeEstimator, a directive decides whether a field counts at all, and any other
 * argument-reading estimate (a list bound with arguments, a field's `complexity`
 * function) makes the document's cost uncacheable.
 */
function costInputsOf(schema: GraphQLSchema, document: DocumentNode): CostInputs {
  const typeInfo = new TypeInfo(schema);
  const variables = new Set<string>();
  let cacheable = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (!field || !parent) return;
        // A bound that takes no arguments is a constant; one that does reads them.
        const bound = UNPAGED_LIST_BOUNDS[`${parent.name}.${field.name}`];
        if (typeof field.extensions.complexity === "function" || (bound && bound.length > 0)) {
          cacheable = false;
        }
        const first = node.arguments?.find((argument) => argument.name.value === "first");
        if (first && field.args.some((argument) => argument.name === "first")) {
          collectVariables(first, variables);
        }
      },
      Directive(node) {
        for (const argument of node.arguments ?? []) collectVariables(argument, variables);
      },
    }),
  );
  return cacheable ? { variables: [...variables].sort(), costs: new Map() } : null;
}

function collectVariables(node: ArgumentNode | ValueNode, into: Set<string>): void {
  visit(node, {
    Variable(variable) {
      into.add(variable.name.value);
    },
  });
}
