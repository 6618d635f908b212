import { ErrorCode } from "./error-code";
import { GatewayError } from "./gateway-error";

/** Codes that mean "not now, retry": answered with HTTP 503 and `Retry-After`. */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set<string>([
  ErrorCode.DATABASE_UNAVAILABLE,
  ErrorCode.OVERLOADED,
  ErrorCode.SHUTTING_DOWN,
]);

/** Seconds a client should wait before retrying a 503 (the `Retry-After` header). */
export const RETRY_AFTER_SECONDS = 1;

/** The database cannot be reached (server selection, network, or a server shutting down). */
export class DatabaseUnavailableError extends GatewayError {
  constructor(message = "The database is unavailable; retry in a moment") {
    super(ErrorCode.DATABASE_UNAVAILABLE, message, { retryAfterSeconds: RETRY_AFTER_SECONDS });
  }
}

/** Admission control refused the request: too many requests in flight and queued. */
export class OverloadedError extends GatewayError {
  constructor(message = "The gateway is overloaded; retry in a moment") {
    super(ErrorCode.OVERLOADED, message, { retryAfterSeconds: RETRY_AFTER_SECONDS });
  }
}
