/** Settings of the response cache (src/cache, README "Response cache"). */
export interface CacheConfig {
  /** CACHE_MAX_BYTES: the most bytes of cached results kept (LRU); 0 turns the cache off. */
  maxBytes: number;
  /** CACHE_TTL_ANALYTICS_SECONDS: how long an analytics result is served from the cache (0: never). */
  ttlAnalyticsSeconds: number;
  /** CACHE_TTL_ENTITY_SECONDS: how long an entity read (case, alerts, users …) is cached (0: never). */
  ttlEntitySeconds: number;
  /**
   * The clock TTLs are measured with, in milliseconds. Not read from the environment:
   * tests inject one to expire entries without sleeping. Default: Date.now.
   */
  now?: () => number;
}

export const DEFAULT_CACHE_MAX_BYTES = 64 * 1024 * 1024;
export const DEFAULT_CACHE_TTL_ANALYTICS_SECONDS = 10;
export const DEFAULT_CACHE_TTL_ENTITY_SECONDS = 0;

/** Parses CACHE_MAX_BYTES and the CACHE_TTL_* variables, reporting problems as src/config.ts does. */
export function parseCacheConfig(
  integer: (name: string, fallback: number, min: number, max: number) => number,
): CacheConfig {
  return {
    maxBytes: integer("CACHE_MAX_BYTES", DEFAULT_CACHE_MAX_BYTES, 0, 17_179_869_184),
    ttlAnalyticsSeconds: integer(
      "CACHE_TTL_ANALYTICS_SECONDS",
      DEFAULT_CACHE_TTL_ANALYTICS_SECONDS,
      0,
      86_400,
    ),
    ttlEntitySeconds: integer("CACHE_TTL_ENTITY_SECONDS", DEFAULT_CACHE_TTL_ENTITY_SECONDS, 0, 86_400),
  };
}
