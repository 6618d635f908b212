import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError } from "graphql";
import { MongoServerError } from "mongodb";
import { isDatabaseUnavailableError } from "./database-unavailable";
import { ErrorCode } from "./error-code";
import { GatewayError } from "./gateway-error";
import { MONGO_SERVER_CODES } from "./mongo-server-codes";

/**
 * Codes a client may see as they are: the gateway's own (src/errors/error-code.ts)
 * and Apollo's request errors (parse, validation, variable coercion, APQ).
 * INTERNAL_SERVER_ERROR is not among them: Apollo gives it to anything unclassified.
 */
const EXPECTED_CODES: ReadonlySet<string> = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  ...Object.values(ApolloServerErrorCode).filter(
    (code) => code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR,
  ),
]);

/**
 * How the gateway treats an error of a GraphQL response:
 * - "expected": a GatewayError or one of Apollo's request errors; shown as is;
 * - "timeout": the database hit DB_MAX_TIME_MS; shown as TIMEOUT;
 * - "unavailable": the database cannot be reached; shown as DATABASE_UNAVAILABLE (503);
 * - "unexpected": anything else (a bug, a raw driver error, bad stored data); masked
 *   and logged in full.
 */
export function classifyError(
  error: unknown,
  formattedCode?: unknown,
): "expected" | "timeout" | "unavailable" | "unexpected" {
  const original = unwrapResolverError(error);
  if (original instanceof MongoServerError && original.code === MONGO_SERVER_CODES.maxTimeMSExpired)
    return "timeout";
  if (isDatabaseUnavailableError(original)) return "unavailable";
  if (original instanceof GatewayError) return "expected";
  if (original instanceof GraphQLError) {
    const code = original.extensions.code ?? formattedCode;
    if (typeof code === "string" && EXPECTED_CODES.has(code)) return "expected";
  }
  return "unexpected";
}
