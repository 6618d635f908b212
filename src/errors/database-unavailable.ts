import {
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerClosedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from "mongodb";

/**
 * Server error codes that mean "this server cannot serve now" rather than "this command is
 * wrong": shutdown in progress, not primary, host unreachable.
 */
const UNAVAILABLE_SERVER_CODES: ReadonlySet<number> = new Set([
  6, // HostUnreachable
  7, // HostNotFound
  89, // NetworkTimeout
  91, // ShutdownInProgress
  189, // PrimarySteppedDown
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
]);

/**
 * Socket errors that can reach the caller raw from the driver's connection (a write to a
 * socket the database closed rejects with EPIPE before the driver has wrapped it).
 */
const SOCKET_ERROR_CODES: ReadonlySet<string> = new Set([
  "EPIPE",
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/**
 * True for a driver error that says the database cannot be reached now (server selection,
 * network, a closed topology, a server shutting down), as opposed to a bad command. Such a
 * request is answered DATABASE_UNAVAILABLE (503, Retry-After), never INTERNAL_SERVER_ERROR.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  if (
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError ||
    // The server closed (its monitor saw it go) while the request was on its way to it.
    error instanceof MongoServerClosedError
  ) {
    return true;
  }
  if (error instanceof Error && SOCKET_ERROR_CODES.has(String((error as NodeJS.ErrnoException).code))) {
    return true;
  }
  if (error instanceof MongoServerError && typeof error.code === "number") {
    return UNAVAILABLE_SERVER_CODES.has(error.code);
  }
  return false;
}
