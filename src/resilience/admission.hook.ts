import type { FastifyReply, FastifyRequest } from "fastify";
import { ErrorCode } from "../errors/error-code";
import { RETRY_AFTER_SECONDS } from "../errors/service-unavailable-error";
import { rejectRequest } from "../errors/reject-request";
import type { AdmissionControl } from "./admission-control";

/**
 * onRequest hook of the GraphQL route (before the body is read, before authentication and
 * any database command): at most MAX_IN_FLIGHT_REQUESTS run, MAX_QUEUED_REQUESTS wait,
 * the rest get 503 OVERLOADED with Retry-After. The slot is freed when the response is
 * finished or the connection closes, whichever comes first.
 */
export function admissionHook(control: AdmissionControl) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (request.method === "OPTIONS") return undefined;
    const ticket = control.tryAcquire();
    if (!ticket) {
      return rejectRequest(
        reply,
        503,
        ErrorCode.OVERLOADED,
        `The gateway is overloaded (MAX_IN_FLIGHT_REQUESTS=${control.maxRunning}, ` +
          `MAX_QUEUED_REQUESTS=${control.maxQueued}); retry in ${RETRY_AFTER_SECONDS} s`,
        { "retry-after": String(RETRY_AFTER_SECONDS) },
      );
    }
    reply.raw.once("close", ticket.release);
    await ticket.granted;
    return undefined;
  };
}
