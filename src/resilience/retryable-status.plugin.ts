import type { ApolloServerPlugin } from "@apollo/server";
import { RETRY_AFTER_SECONDS, RETRYABLE_CODES } from "../errors/service-unavailable-error";

/**
 * A response carrying a "retry later" error (DATABASE_UNAVAILABLE, OVERLOADED,
 * SHUTTING_DOWN) is HTTP 503 with `Retry-After`, so that proxies, load balancers and
 * clients can tell an outage from a bug without reading the body.
 */
export function retryableStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const errors = response.body.singleResult.errors ?? [];
          const retryable = errors.some((error) => RETRYABLE_CODES.has(String(error.extensions?.code)));
          if (!retryable) return;
          response.http.status = 503;
          response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
