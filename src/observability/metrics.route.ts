import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { GatewayMetrics } from "./gateway-metrics";

/** Path of the Prometheus scrape endpoint. */
export const METRICS_PATH = "/metrics";

/**
 * GET /metrics: the Prometheus text format. With a token, only requests sending
 * `Authorization: Bearer <token>` are answered; others get 401 before anything is
 * collected.
 */
export function registerMetricsRoute(
  app: FastifyInstance,
  metrics: GatewayMetrics,
  token: string | undefined,
) {
  const expected = token === undefined ? undefined : digest(token);
  app.get(METRICS_PATH, async (request, reply) => {
    if (expected) {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "");
      if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
        return reply
          .code(401)
          .header("www-authenticate", 'Bearer realm="metrics"')
          .send({ error: "METRICS_TOKEN required: send Authorization: Bearer <token>" });
      }
    }
    const { contentType, body } = await metrics.exposition();
    return reply.type(contentType).send(body);
  });
}

/** Equal-length digests, so the comparison takes the same time whatever was sent. */
function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
