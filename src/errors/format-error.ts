import type { GraphQLFormattedError } from "graphql";
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
