import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction, RouteOptions } from "fastify";
import { ErrorCode } from "../errors/error-code";
import { DatabaseUnavailableError, RETRY_AFTER_SECONDS } from "../errors/service-unavailable-error";
import { rejectRequest } from "../errors/reject-request";
import type { DatabaseReachability } from "./database-reachability";

/**
 * DB_UNAVAILABLE_TIMEOUT_MS as a bound on the whole request, not on one server selection:
 * the driver waits that long per selection, but one request may select several times (a
 * read or a write retried once, a transaction retried, the API key lookup and the shared
 * rate limit before the resolvers, a DataLoader batch after them), so an outage answer
 * could take a multiple of it. Here a request that is still unanswered `timeoutMs` after
 * it arrived, or after the database became unreachable if that was later, while the
 * database is still unreachable, is answered 503 DATABASE_UNAVAILABLE with Retry-After at
 * once; the driver's work left behind ends by itself (each of its waits is bounded too).
 * While the database is reachable nothing is cut: slow queries stay governed by
 * DB_MAX_TIME_MS (TIMEOUT).
 */
export function outageDeadline(reachability: DatabaseReachability, timeoutMs: number) {
  const answered = new WeakSet<FastifyRequest>();

  /**
   * onRequest hook of the GraphQL route (before admission, so that time spent queued counts
   * too); callback style, so that it costs no promise per request.
   */
  const onRequest = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (request.method === "OPTIONS") return done();
    const arrived = reachability.now();
    let timer: NodeJS.Timeout | undefined;
    const answer = () => {
      if (reply.sent || reply.raw.headersSent) return;
      answered.add(request);
      rejectRequest(reply, 503, ErrorCode.DATABASE_UNAVAILABLE, new DatabaseUnavailableError().message, {
        "retry-after": String(RETRY_AFTER_SECONDS),
      });
    };
    const arm = () => {
      clearTimeout(timer);
      timer = undefined;
      const since = reachability.unreachableSince;
      if (since === undefined) return;
      const due = Math.max(arrived, since) + timeoutMs;
      timer = setTimeout(answer, Math.max(0, due - reachability.now()));
    };
    const stop = reachability.onChange(arm);
    arm();
    reply.raw.once("close", () => {
      stop();
      clearTimeout(timer);
    });
    done();
  };

  /**
   * onRoute hook of the GraphQL scope: once a request has been answered here, the
   * handler's late result is dropped instead of being sent a second time.
   */
  const onRoute = (route: RouteOptions): void => {
    const handler = route.handler;
    route.handler = async function (this: unknown, request, reply) {
      if (answered.has(request)) return reply.hijack();
      try {
        const payload: unknown = await handler.call(this as never, request, reply);
        return answered.has(request) ? reply.hijack() : payload;
      } catch (error) {
        if (answered.has(request)) return reply.hijack();
        throw error;
      }
    };
  };

  return { onRequest, onRoute };
}
