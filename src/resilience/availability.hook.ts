import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { isDatabaseUnavailableError } from "../errors/database-unavailable";
import { ErrorCode } from "../errors/error-code";
import { DatabaseUnavailableError, RETRY_AFTER_SECONDS } from "../errors/service-unavailable-error";
import { rejectRequest } from "../errors/reject-request";

const retryAfter = { "retry-after": String(RETRY_AFTER_SECONDS) };

/**
 * onRequest hook of the GraphQL route: while the gateway drains for shutdown, new requests
 * get 503 SHUTTING_DOWN; while the start-up steps that need the database have not
 * succeeded (started without one), 503 DATABASE_UNAVAILABLE, at once.
 */
export function availabilityHook(state: { draining(): boolean; databaseReady(): boolean }) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (request.method === "OPTIONS") return undefined;
    if (state.draining()) {
      reply.header("connection", "close");
      return rejectRequest(
        reply,
        503,
        ErrorCode.SHUTTING_DOWN,
        "The gateway is shutting down; retry",
        retryAfter,
      );
    }
    if (!state.databaseReady()) {
      return rejectUnavailable(reply);
    }
    return undefined;
  };
}

/**
 * Error handler of the GraphQL route: an outage met before Apollo (an API key lookup,
 * the shared rate limit) is 503 DATABASE_UNAVAILABLE, like one met by a resolver; other
 * errors go on to Fastify's handler.
 */
export async function unavailableErrorHandler(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  if (!isDatabaseUnavailableError(error)) throw error;
  return rejectUnavailable(reply);
}

/** 503 DATABASE_UNAVAILABLE with Retry-After, the answer to any outage met before Apollo. */
function rejectUnavailable(reply: FastifyReply): FastifyReply {
  return rejectRequest(
    reply,
    503,
    ErrorCode.DATABASE_UNAVAILABLE,
    new DatabaseUnavailableError().message,
    retryAfter,
  );
}
