import type { FastifyReply, FastifyRequest } from "fastify";
import { identityOf } from "../auth/authenticate-request";
import { rateLimitKeyOf } from "../auth/caller";
import { ErrorCode } from "../errors/error-code";
import { rejectRequest } from "../errors/reject-request";
import { graphqlRequestsOf } from "./graphql-requests";

/** The rate limit's window: fixed, aligned to the clock's minutes so every instance agrees. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * Where the rate limit's counters live. `take` adds `count` operations to the key's
 * current window and answers how many seconds to wait when that passes the limit, else 0.
 */
export interface RateLimitStore {
  take(key: string, count: number): Promise<number>;
}

/** Seconds from `now` to the end of the window that holds it (at least 1). */
export function secondsToWindowEnd(now: number): number {
  const end = Math.floor(now / RATE_LIMIT_WINDOW_MS) * RATE_LIMIT_WINDOW_MS + RATE_LIMIT_WINDOW_MS;
  return Math.max(1, Math.ceil((end - now) / 1000));
}

/**
 * Counters in this process's memory (RATE_LIMIT_STORE=memory): the limit applies per
 * gateway instance (N instances behind a balancer allow up to N × the limit).
 */
export class RateLimiter implements RateLimitStore {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  async take(key: string, count = 1): Promise<number> {
    const now = this.now();
    const start = Math.floor(now / RATE_LIMIT_WINDOW_MS) * RATE_LIMIT_WINDOW_MS;
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      if (this.windows.size > 100_000) this.sweep(start);
      window = { start, count: 0 };
      this.windows.set(key, window);
    }
    // Refused operations are not counted: a caller over the limit is not pushed further over.
    if (window.count + count > this.perMinute) return secondsToWindowEnd(now);
    window.count += count;
    return 0;
  }

  private sweep(start: number): void {
    for (const [key, window] of this.windows) if (window.start !== start) this.windows.delete(key);
  }
}

/**
 * preHandler (after authentication): 429 with Retry-After and RATE_LIMITED once a
 * caller (API key, user, or anonymous IP) passes RATE_LIMIT_PER_MINUTE. Every operation
 * of a batch (ALLOW_BATCHING=true) counts, not the HTTP request.
 */
export function rateLimitHook(limiter: RateLimitStore, perMinute: number) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (reply.sent) return reply;
    const identity = identityOf(request);
    if (!identity) return undefined;
    const operations = Math.max(1, graphqlRequestsOf(request.body, request.query).length);
    const retryAfter = await limiter.take(rateLimitKeyOf(identity, request.ip), operations);
    if (retryAfter > 0) {
      return rejectRequest(
        reply,
        429,
        ErrorCode.RATE_LIMITED,
        `Too many requests: at most ${perMinute} operations per minute (RATE_LIMIT_PER_MINUTE); retry in ${retryAfter} s`,
        { "retry-after": String(retryAfter) },
      );
    }
    return undefined;
  };
}
