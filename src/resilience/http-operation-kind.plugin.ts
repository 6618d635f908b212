import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import { GraphQLError } from "graphql";

/**
 * Subscriptions are not served over HTTP requests: such an operation is a client error
 * (400 BAD_REQUEST), not the executor's "Schema is not configured to execute subscription
 * operation", which would be masked as INTERNAL_SERVER_ERROR.
 */
export function httpOperationKindPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== "subscription") return;
          throw new GraphQLError("Subscription operations are not served over HTTP", {
            extensions: {
              code: ApolloServerErrorCode.BAD_REQUEST,
              http: { status: 400, headers: new Map() },
            },
          });
        },
      };
    },
  };
}
