import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import type { FastifyBaseLogger } from "fastify";
import type { GraphQLError } from "graphql";
import { classifyError } from "./classify-error";

/**
 * Logs what formatError hides: every unexpected error in full (stack, driver message,
 * the field path) with the request's logger, so the masked "Unexpected error." a
 * client reports can be traced by its request id. Timeouts are logged as warnings.
 */
export function errorLoggingPlugin(
  fallbackLogger: FastifyBaseLogger,
): ApolloServerPlugin<{ log?: FastifyBaseLogger }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          const log = contextValue?.log ?? fallbackLogger;
          for (const error of errors as readonly GraphQLError[]) {
            const kind = classifyError(error);
            if (kind === "expected") continue;
            const details = { err: unwrapResolverError(error), path: error.path, operationName };
            if (kind === "timeout") log.warn(details, "database operation exceeded DB_MAX_TIME_MS");
            else log.error(details, "unexpected error in a GraphQL request");
          }
        },
      };
    },
  };
}
