/** Every code a client may see in `extensions.code`. Stable: clients branch on them. */
export enum ErrorCode {
  BAD_USER_INPUT = "BAD_USER_INPUT",
  NOT_FOUND = "NOT_FOUND",
  CONFLICT = "CONFLICT",
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  TIMEOUT = "TIMEOUT",
  RATE_LIMITED = "RATE_LIMITED",
  PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND",
  /** The database server lacks a feature the query needs (e.g. $percentile before MongoDB 7.0). */
  UNSUPPORTED_BY_SERVER = "UNSUPPORTED_BY_SERVER",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
  /** The database cannot be reached: HTTP 503 with Retry-After; retry later. */
  DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE",
  /** Admission control refused the request (too many in flight or queued): 503, retry later. */
  OVERLOADED = "OVERLOADED",
  /** The gateway is draining for shutdown: 503; retry on another instance. */
  SHUTTING_DOWN = "SHUTTING_DOWN",
  /** The response passed MAX_RESPONSE_BYTES; ask for less. */
  RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE",
}
