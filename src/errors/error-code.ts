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
}
