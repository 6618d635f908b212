import { createHash } from "node:crypto";
import { type ApolloServerPlugin, type GraphQLResponse, HeaderMap } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import type { GatewayContext } from "../context";
import { mutationWrites, queryCachePolicy, type QueryCachePolicy } from "./cache-policy";
import type { CachedResult, ReadTicket, ResponseCache } from "./response-cache";

/** What `extensions.cache` says on responses of cacheable queries. */
export interface CacheExtension {
  hit: boolean;
  /** Seconds since the result was computed (0 on a miss). */
  age: number;
}

/**
 * The response cache in Apollo's request pipeline. After validation, authentication and
 * the cost limit (responseForOperation runs after didResolveOperation), a cacheable
 * query is answered from the cache or from the request already computing it (single
 * flight); otherwise it executes and its result is stored when it has no error at all
 * (so never a forbidden or partial one). Mutations invalidate, at their start and end,
 * every result that read a collection they may write.
 */
export function responseCachePlugin(
  schema: GraphQLSchema,
  cache: ResponseCache,
  ttl: { analyticsSeconds: number; entitySeconds: number },
): ApolloServerPlugin<GatewayContext> {
  const config = {
    maxBytes: cache.maxBytes,
    ttlAnalyticsSeconds: ttl.analyticsSeconds,
    ttlEntitySeconds: ttl.entitySeconds,
  };
  return {
    async requestDidStart() {
      let key: string | undefined;
      let policy: QueryCachePolicy | undefined;
      let ticket: ReadTicket | undefined;
      let settle: ((result: CachedResult | undefined) => void) | undefined;
      let served: CachedResult | undefined;
      let writes: string[] | undefined;
      return {
        async didResolveOperation({ operation, document }) {
          if (operation?.operation !== "mutation") return;
          writes = mutationWrites(operation, document);
          cache.invalidate(writes);
        },
        async responseForOperation(requestContext): Promise<GraphQLResponse | null> {
          const { operation, document, request, contextValue } = requestContext;
          if (operation?.operation !== "query") return null;
          policy = queryCachePolicy(schema, document, operation, config);
          if (policy.ttlSeconds <= 0) return null;
          const identity = contextValue.caller.identity;
          key = createHash("sha256")
            .update(
              JSON.stringify([
                requestContext.source ?? "",
                request.operationName ?? null,
                canonical(request.variables ?? {}),
                identity.role,
                policy.perCaller ? [identity.kind, identity.userId ?? null, identity.apiKeyId ?? null] : null,
              ]),
            )
            .digest("hex");
          let entry = cache.get(key);
          if (!entry) {
            const pending = cache.pending(key);
            if (pending) entry = await pending;
          }
          if (entry) {
            served = entry;
            cache.countHit();
            return {
              http: { headers: new HeaderMap(), status: undefined },
              body: { kind: "single", singleResult: { data: entry.data } },
            };
          }
          cache.countMiss();
          ticket = cache.ticket(policy.reads);
          settle = cache.lead(key);
          return null;
        },
        async willSendResponse({ response }) {
          if (writes) {
            cache.invalidate(writes);
            return;
          }
          if (!key || !policy || response.body.kind !== "single") {
            settle?.(undefined);
            return;
          }
          const result = response.body.singleResult;
          let entry = served;
          if (!entry && settle) {
            const data = result.data;
            if (!result.errors?.length && data && ticket) {
              const json = JSON.stringify(data);
              const now = cache.now();
              const candidate: CachedResult = {
                data,
                etag: `"${createHash("sha256").update(key).update(json).digest("base64url").slice(0, 27)}"`,
                storedAt: now,
                expiresAt: now + policy.ttlSeconds * 1000,
                bytes: Buffer.byteLength(json) + key.length,
                reads: policy.reads,
              };
              if (cache.set(key, candidate, ticket)) entry = candidate;
            }
            settle(entry);
          }
          const extension: CacheExtension = served
            ? { hit: true, age: Math.max(0, Math.floor((cache.now() - served.storedAt) / 1000)) }
            : { hit: false, age: 0 };
          result.extensions = { ...result.extensions, cache: extension };
          if (entry) {
            const maxAge = Math.max(0, Math.floor((entry.expiresAt - cache.now()) / 1000));
            response.http.headers.set("cache-control", `private, max-age=${maxAge}`);
            response.http.headers.set("etag", entry.etag);
          }
        },
      };
    },
  };
}

/** Variables with object keys sorted, so `{a, b}` and `{b, a}` share a key. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((name) => [name, canonical((value as Record<string, unknown>)[name])]),
    );
  }
  return value;
}
