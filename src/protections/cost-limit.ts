import type { ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, GraphQLError, type GraphQLSchema } from "graphql";
import type { ComplexityEstimator } from "graphql-query-complexity";
import { ErrorCode } from "../errors/error-code";
import { GatewayError } from "../errors/gateway-error";

// The CommonJS build explicitly: it must share graphql's CommonJS instance with
// type-graphql (under vitest the package's ESM build would load graphql's .mjs:
// "Cannot use GraphQLObjectType from another module or realm").
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS build, see above
  require("graphql-query-complexity/cjs") as typeof import("graphql-query-complexity");

/**
 * A list or connection field costs its `first` (after defaults) times its children,
 * plus one. Fields without `first` fall through to the `complexity` of their
 * decorators (`@Field({ complexity })`, `@Query({ complexity })`), then to 1.
 */
export const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = args.first;
  if (typeof first === "number" && first > 0) return 1 + first * Math.max(1, childComplexity);
  return undefined;
};

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
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          let cost: number;
          try {
            cost = operationCost(schema, document, request.variables, operationName ?? undefined);
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
