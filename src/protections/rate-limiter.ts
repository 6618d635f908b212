import type { FastifyReply, FastifyRequest } from "fastify";
import { identityOf } from "../auth/authenticate-request";
import { rateLimitKeyOf } from "../auth/caller";
import { ErrorCode } from "../errors/error-code";
import { rejectRequest } from "./reject-request";

const WINDOW_MS = 60_000;

/**
 * A fixed one-minute window per key, in this process's memory: the limit applies per
 * gateway instance (N instances behind a balancer allow up to N × the limit).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request; answers how many seconds to wait when it is over the limit, else 0. */
  take(key: string): number {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size > 100_000) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.perMinute) return 0;
    return Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
  }
}

/**
 * preHandler (after authentication): 429 with Retry-After and RATE_LIMITED once a
 * caller (API key, user, or anonymous IP) passes RATE_LIMIT_PER_MINUTE.
 */
export function rateLimitHook(limiter: RateLimiter, perMinute: number) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (reply.sent) return reply;
    const identity = identityOf(request);
    if (!identity) return undefined;
    const retryAfter = limiter.take(rateLimitKeyOf(identity, request.ip));
    if (retryAfter > 0) {
      return rejectRequest(
        reply,
        429,
        ErrorCode.RATE_LIMITED,
        `Too many requests: at most ${perMinute} per minute (RATE_LIMIT_PER_MINUTE); retry in ${retryAfter} s`,
        { "retry-after": String(retryAfter) },
      );
    }
    return undefined;
  };
}
