import type { ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, GraphQLError, type GraphQLSchema } from "graphql";
import type { ComplexityEstimator } from "graphql-query-complexity";
import { ErrorCode } from "../errors/error-code";
import { GatewayError } from "../errors/gateway-error";
import { UNPAGED_LIST_BOUNDS } from "./list-bounds";
import { OperationCostCache } from "./operation-cost-cache";

// The CommonJS build explicitly: it must share graphql's CommonJS instance with
// type-graphql (under vitest the package's ESM build would load graphql's .mjs:
// "Cannot use GraphQLObjectType from another module or realm").
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS build, see above
  require("graphql-query-complexity/cjs") as typeof import("graphql-query-complexity");

/**
 * Prices a field by what it can return (the README's "Cost" section):
 * - a field with a `first` argument (lists, connections): 1 + n × max(1, children), where
 *   n is `first`, or the argument's default when `first` is absent or an explicit null
 *   (execution then uses the default page size, so the price must too);
 * - a list without `first` (UNPAGED_LIST_BOUNDS): 1 + bound × max(1, children);
 * - anything else falls through to `@Field({ complexity })`, then to 1 + children.
 */
export const pageSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const firstArgument = field.args.find((argument) => argument.name === "first");
  if (firstArgument) {
    const n = pageSizeOf(args.first, firstArgument.defaultValue);
    return 1 + n * Math.max(1, childComplexity);
  }
  const bound = UNPAGED_LIST_BOUNDS[`${type.name}.${field.name}`];
  if (bound) return 1 + bound(args) * Math.max(1, childComplexity);
  return undefined;
};

/** The page a `first` value asks for; null and absent mean the default (20 when none is declared). */
function pageSizeOf(first: unknown, defaultValue: unknown): number {
  if (typeof first === "number" && Number.isFinite(first)) return Math.max(0, first);
  return typeof defaultValue === "number" ? defaultValue : DEFAULT_PAGE_SIZE;
}

/** The page size of a `first` argument declared without a default. */
const DEFAULT_PAGE_SIZE = 20;

/** The estimated cost of an operation, as the cost limit computes it. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName,
    estimators: [pageSizeEstimator, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** Refuses, before execution, an operation whose estimated cost passes MAX_COST. */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  const costs = new OperationCostCache(schema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          let cost: number;
          try {
            cost = costs.cost(document, request.variables, operationName ?? undefined, () =>
              operationCost(schema, document, request.variables, operationName ?? undefined),
            );
          } catch (error) {
            // Variables that do not coerce: execution refuses them with BAD_USER_INPUT
            // before any resolver runs, so there is nothing to cost.
            if (error instanceof GraphQLError) return;
            throw error;
          }
          if (cost > maxCost) {
            throw new GatewayError(
              ErrorCode.BAD_USER_INPUT,
              `The operation's estimated cost is ${cost}; at most ${maxCost} (MAX_COST): ask for smaller pages or fewer fields`,
              { cost, maxCost, http: { status: 400 } },
            );
          }
        },
      };
    },
  };
}
