import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { classifyError } from "./classify-error";
import { ErrorCode } from "./error-code";
import { TimeoutError } from "./gateway-error";
import { DatabaseUnavailableError } from "./service-unavailable-error";

/** What a client sees instead of an error the gateway did not expect. */
export const UNEXPECTED_ERROR_MESSAGE = "Unexpected error.";

/**
 * Apollo's `formatError`: the one place that decides what a client may see. Expected
 * errors pass unchanged; a database timeout becomes TIMEOUT for this request; anything
 * else is masked to INTERNAL_SERVER_ERROR "Unexpected error." — no stack, no driver
 * message — and is logged in full by the error-logging plugin.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const clientError = apolloClientError(error);
  if (clientError) return { ...formatted, extensions: { code: ApolloServerErrorCode.BAD_REQUEST } };
  const kind = classifyError(error, formatted.extensions?.code);
  if (kind === "expected") return formatted;
  const { locations, path } = formatted;
  if (kind === "timeout") {
    const timeout = new TimeoutError();
    return { message: timeout.message, locations, path, extensions: { code: ErrorCode.TIMEOUT } };
  }
  if (kind === "unavailable") {
    const unavailable = new DatabaseUnavailableError();
    return { message: unavailable.message, locations, path, extensions: unavailable.extensions };
  }
  return {
    message: UNEXPECTED_ERROR_MESSAGE,
    locations,
    path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/**
 * Apollo refuses some requests with a GraphQLError that has an HTTP 4xx status but no code
 * (an automatic persisted query whose hash does not match its query): a client error,
 * shown as BAD_REQUEST with Apollo's message, never masked as INTERNAL_SERVER_ERROR.
 */
function apolloClientError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (!(original instanceof GraphQLError) || original.extensions.code !== undefined) return false;
  const status = (original.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}
