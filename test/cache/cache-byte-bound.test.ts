import { describe, expect, it } from "vitest";
import { ResponseCache, type CachedResult } from "../../src/cache/response-cache";
import { loadConfig } from "../../src/config";
import { configErrorOf } from "../helpers/config-error-of";

// The store's bound and LRU order, and the configuration's checks: no database needed.
const entry = (bytes: number, reads: string[] = ["alerts"]): CachedResult => ({
  data: { bytes },
  etag: `"${bytes}"`,
  storedAt: 0,
  expiresAt: 1_000,
  bytes,
  reads,
});

describe("the response cache's byte bound", () => {
  it("never holds more than CACHE_MAX_BYTES, dropping the least recently used first", () => {
    const cache = new ResponseCache(100, () => 0);
    const ticket = cache.ticket(["alerts"]);
    expect(cache.set("a", entry(40), ticket)).toBe(true);
    expect(cache.set("b", entry(40), ticket)).toBe(true);
    expect(cache.get("a")).toBeDefined(); // a is now the most recently used
    expect(cache.set("c", entry(40), ticket)).toBe(true);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("c")).toBeDefined();
    expect(cache.stats()).toEqual({ bytes: 80, entries: 2 });
    // A result larger than the whole cache is not stored and evicts nothing.
    expect(cache.set("huge", entry(101), ticket)).toBe(false);
    expect(cache.stats()).toEqual({ bytes: 80, entries: 2 });
  });

  it("refuses a result whose collections were written while it was computed", () => {
    const cache = new ResponseCache(1_000, () => 0);
    const ticket = cache.ticket(["alerts"]);
    cache.invalidate(["cases"]);
    expect(cache.set("unrelated", entry(10), ticket)).toBe(true);
    cache.invalidate(["alerts"]);
    expect(cache.get("unrelated")).toBeUndefined();
    expect(cache.set("stale", entry(10), ticket)).toBe(false);
  });

  it("CACHE_* variables: defaults, and every bad value reported together", () => {
    expect(loadConfig({}).cache).toEqual({
      maxBytes: 64 * 1024 * 1024,
      ttlAnalyticsSeconds: 10,
      ttlEntitySeconds: 0,
    });
    const message = configErrorOf({
      CACHE_MAX_BYTES: "-1",
      CACHE_TTL_ANALYTICS_SECONDS: "ten",
      CACHE_TTL_ENTITY_SECONDS: "99999999",
    }).message;
    for (const name of ["CACHE_MAX_BYTES", "CACHE_TTL_ANALYTICS_SECONDS", "CACHE_TTL_ENTITY_SECONDS"]) {
      expect(message).toContain(name);
    }
  });
});
