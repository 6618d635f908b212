import { counter, gauge, registerMetrics, type RegisteredMetrics } from "../observability/metric-table";
import { createMetricsRegistrar, type MetricsRegistrar } from "../observability/metrics-registrar";

/** One cached result: the `data` of a response without errors. */
export interface CachedResult {
  data: Record<string, unknown>;
  /** Strong validator of the result (quoted, as the ETag header carries it). */
  etag: string;
  storedAt: number;
  expiresAt: number;
  bytes: number;
  reads: readonly string[];
}

/** What a reader snapshots before it executes, so a write during it keeps it out of the cache. */
export type ReadTicket = ReadonlyMap<string, number>;

/** The response cache's metrics (names as issue #16 gives them). */
const CACHE_METRICS = {
  hits: counter("cache_hits_total", [], { help: "Responses served from the response cache" }),
  misses: counter("cache_misses_total", [], { help: "Cacheable responses that had to be executed" }),
  evictions: counter("cache_evictions_total", [], {
    help: "Results dropped from the response cache to stay within CACHE_MAX_BYTES",
  }),
  bytes: gauge("cache_bytes", [], { help: "Bytes of results in the response cache" }),
};

/**
 * The in-process store of whole query results: bounded in bytes with least-recently-used
 * eviction, each entry with its own expiry, tagged with the collections it read so a
 * write to one drops every result that read it. Also the single-flight table: concurrent
 * requests with one key wait for the first one's result instead of executing.
 */
export class ResponseCache {
  /** Map iteration order is insertion order: re-inserting on a hit keeps LRU order. */
  private readonly entries = new Map<string, CachedResult>();
  private readonly inFlight = new Map<string, Promise<CachedResult | undefined>>();
  /** Bumped by every write to a collection; results read before a bump are not stored. */
  private readonly versions = new Map<string, number>();
  private bytes = 0;
  private readonly metrics: RegisteredMetrics<typeof CACHE_METRICS>;

  constructor(
    readonly maxBytes: number,
    readonly now: () => number,
    registrar?: MetricsRegistrar,
  ) {
    this.metrics = registerMetrics(registrar ?? createMetricsRegistrar(undefined), CACHE_METRICS);
  }

  /** The live entry of `key` (refreshing its recency), or undefined. */
  get(key: string): CachedResult | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.remove(key, entry);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** The result another request with this key is computing, if any. */
  pending(key: string): Promise<CachedResult | undefined> | undefined {
    return this.inFlight.get(key);
  }

  /** Registers this request as the one computing `key`; call the result with its outcome. */
  lead(key: string): (result: CachedResult | undefined) => void {
    let settle!: (result: CachedResult | undefined) => void;
    const promise = new Promise<CachedResult | undefined>((resolve) => {
      settle = resolve;
    });
    this.inFlight.set(key, promise);
    return (result) => {
      if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
      settle(result);
    };
  }

  ticket(reads: readonly string[]): ReadTicket {
    return new Map(reads.map((collection) => [collection, this.versions.get(collection) ?? 0]));
  }

  /** Stores a result unless a collection it read was written since `ticket`, or it is too large. */
  set(key: string, result: CachedResult, ticket: ReadTicket): boolean {
    for (const [collection, version] of ticket) {
      if ((this.versions.get(collection) ?? 0) !== version) return false;
    }
    if (result.bytes > this.maxBytes) return false;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    this.entries.set(key, result);
    this.bytes += result.bytes;
    while (this.bytes > this.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, CachedResult];
      this.remove(oldestKey, oldest);
      this.metrics.evictions.inc();
    }
    this.metrics.bytes.set(this.bytes);
    return true;
  }

  /** A write to `collections` happened or is happening: drop what read them, refuse what is reading them. */
  invalidate(collections: readonly string[]): void {
    const written = new Set(collections);
    for (const collection of written) this.versions.set(collection, (this.versions.get(collection) ?? 0) + 1);
    for (const [key, entry] of this.entries) {
      if (entry.reads.some((collection) => written.has(collection))) this.remove(key, entry);
    }
  }

  countHit(): void {
    this.metrics.hits.inc();
  }

  countMiss(): void {
    this.metrics.misses.inc();
  }

  /** Bytes and entries held, for tests and the bench. */
  stats(): { bytes: number; entries: number } {
    return { bytes: this.bytes, entries: this.entries.size };
  }

  private remove(key: string, entry: CachedResult): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
    this.metrics.bytes.set(this.bytes);
  }
}
