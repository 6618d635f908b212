import { READ_PREFERENCES, type ReadPreferenceSetting } from "./db/analytics-read-preference";
import { type CacheConfig, parseCacheConfig } from "./cache/cache-config";
import { ConfigError } from "./errors/config-error";
import { type MetricsConfig, parseMetricsConfig } from "./domain/metrics-config";
import { type ObservabilityConfig, readObservabilityConfig } from "./observability/observability-config";
import { parseRollupsConfig, type RollupsConfig } from "./rollups/rollups-config";

/** Pino's levels, plus "silent" to log nothing. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEMO_DATA_MODES = ["auto", "never"] as const;
export type DemoDataMode = (typeof DEMO_DATA_MODES)[number];

/**
 * The gateway's settings, parsed once at start.
 *
 * | Variable       | Default     | Meaning                                                           |
 * | -------------- | ----------- | ----------------------------------------------------------------- |
 * | MONGODB_URI    | (none)      | connection string; when unset `jupiter serve` provisions a server |
 * | MONGODB_DB     | `jupiter`   | database name                                                     |
 * | HOST           | `127.0.0.1` | address the HTTP server listens on                                |
 * | PORT           | `4000`      | TCP port (0 picks a free one)                                     |
 * | LOG_LEVEL      | `info`      | fatal, error, warn, info, debug, trace or silent                  |
 * | MAX_PAGE_SIZE  | `100`       | largest `first` a list field accepts                              |
 * | DB_MAX_TIME_MS | `5000`      | maxTimeMS of every database operation; past it: TIMEOUT           |
 * | DEMO_DATA      | `auto`      | `auto`: seed an empty provisioned database; `never`: do not       |
 *
 * Access control and protections (see src/auth, src/protections):
 *
 * | Variable                | Default   | Meaning                                                           |
 * | ----------------------- | --------- | ----------------------------------------------------------------- |
 * | JWT_SECRET              | (none)    | HS256 secret (at least 32 characters) for Bearer JWTs             |
 * | JWT_JWKS_FILE           | (none)    | local JWKS JSON file: RS256/ES256 Bearer JWTs                     |
 * | JWT_JWKS_URL            | (none)    | remote JWKS (https; http on loopback only): RS256/ES256 JWTs      |
 * | JWT_ISSUER              | (none)    | required `iss` when set                                           |
 * | JWT_AUDIENCE            | (none)    | required `aud` when set                                           |
 * | JWT_VERIFY_CACHE_SIZE   | `10000`   | verified tokens remembered (≤ 1 min, ≤ exp); 0: verify every time |
 * | COMPILED_QUERY_CACHE_SIZE | `1000`  | queries kept compiled (graphql-jit); 0: graphql-js runs every one  |
 * | ALLOW_ANONYMOUS         | (none)    | `viewer`: requests without credentials act as VIEWER (else 401)   |
 * | MAX_DEPTH               | `8`       | deepest selection nesting of an operation                         |
 * | MAX_ALIASES             | `15`      | aliases per operation                                             |
 * | MAX_DIRECTIVES          | `50`      | directives per operation                                          |
 * | MAX_TOKENS              | `2000`    | lexical tokens per document (parser limit)                        |
 * | MAX_DOCUMENT_BYTES      | `16384`   | size of the query text in bytes                                   |
 * | MAX_BODY_BYTES          | `1048576` | HTTP request body; larger: 413                                    |
 * | MAX_COST                | `5000`    | estimated cost of an operation (lists: `first` × children)        |
 * | RATE_LIMIT_PER_MINUTE   | `600`     | requests per minute per API key / user / anonymous IP (0: off)    |
 * | PERSISTED_QUERIES_ONLY  | `false`   | `true`: only documents of clients/generated/persisted-documents   |
 * | ALLOW_BATCHING          | `false`   | `true`: accept JSON arrays of operations                          |
 * | CORS_ORIGINS            | (none)    | comma-separated allowed origins; none: same-origin only           |
 * | NODE_ENV                | (none)    | `production`: introspection only for ANALYST+, no suggestions     |
 *
 * Failure behaviour (src/resilience, src/db/database-availability.ts; README "Failure behaviour"):
 * DB_UNAVAILABLE_TIMEOUT_MS (2000), DB_CONNECT_TIMEOUT_MS (10000), DB_SOCKET_TIMEOUT_MS (30000),
 * DB_MAX_POOL_SIZE (100), MAX_IN_FLIGHT_REQUESTS (256), MAX_QUEUED_REQUESTS (512),
 * MAX_CONCURRENT_AGGREGATIONS (4), MAX_RESPONSE_BYTES (8 MiB), SHUTDOWN_GRACE_MS (10000),
 * ANALYTICS_READ_PREFERENCE (primary), ANALYTICS_MAX_STALENESS_SECONDS (0), RATE_LIMIT_STORE (mongodb).
 * Live fields and subscriptions (see src/live): LIVE_SOURCE (`auto`), LIVE_MIN_INTERVAL_MS
 * (`1000`), LIVE_POLL_SECONDS (`5`), MAX_SUBSCRIPTIONS_PER_CONNECTION (`20`),
 * MAX_LIVE_CONNECTIONS_PER_CALLER (`10`); the README's configuration tables say what each does.
 * Analytics (see src/domain/metrics-config.ts): SLA_TARGETS, MAX_METRIC_ROWS.
 * Response cache (see src/cache/cache-config.ts): CACHE_MAX_BYTES, CACHE_TTL_ANALYTICS_SECONDS,
 * CACHE_TTL_ENTITY_SECONDS.
 * Rollups (see src/rollups/rollups-config.ts): ROLLUPS, ROLLUP_REFRESH_SECONDS, ROLLUP_LOOKBACK.
 * Observability (METRICS_TOKEN, METRICS_PORT, METRICS_MAX_OPERATION_NAMES, SLOW_OPERATION_MS and
 * the OTEL_* variables): see src/observability/observability-config.ts and the README.
 */
export interface Config {
  /** Absent: the CLI provisions a database and fills this in before start. */
  mongodbUri: string | undefined;
  mongodbDb: string;
  host: string;
  port: number;
  logLevel: LogLevel;
  maxPageSize: number;
  dbMaxTimeMs: number;
  demoData: DemoDataMode;
  auth: AuthConfig;
  /** JWT_VERIFY_CACHE_SIZE (src/auth/verified-token-cache.ts). */
  requestCaches: RequestCachesConfig;
  /**
   * COMPILED_QUERY_CACHE_SIZE: (query text, operation name) pairs kept compiled by graphql-jit
   * (src/execution/compiled-query-executor.ts); 0: graphql-js executes every operation.
   */
  compiledQueryCacheSize: number;
  protections: ProtectionsConfig;
  /** Outages, overload and shutdown (src/faults, README "Failure behaviour"). */
  faults: FaultsConfig;
  /** alertMetrics, caseMetrics, caseBacklog. */
  metrics: MetricsConfig;
  /** Metrics, traces and request logs: METRICS_*, SLOW_OPERATION_MS, OTEL_* (src/observability). */
  observability: ObservabilityConfig;
  /** GraphQL subscriptions and live fields (src/live). */
  live: LiveConfig;
  /** The response cache: CACHE_MAX_BYTES, CACHE_TTL_* (src/cache). */
  cache: CacheConfig;
  /** Alert rollups: ROLLUPS, ROLLUP_REFRESH_SECONDS, ROLLUP_LOOKBACK (src/rollups). */
  rollups: RollupsConfig;
}

export const RATE_LIMIT_STORES = ["mongodb", "memory"] as const;
export type RateLimitStoreKind = (typeof RATE_LIMIT_STORES)[number];

/**
 * How the gateway behaves when the database is gone, when it is overloaded and when it
 * stops. Every number is documented in the README's "Failure behaviour" section.
 */
export interface FaultsConfig {
  /**
   * DB_UNAVAILABLE_TIMEOUT_MS: server selection timeout, and the bound of a whole request while the
   * driver sees no writable server; past it a request gets DATABASE_UNAVAILABLE.
   */
  dbUnavailableTimeoutMs: number;
  /** DB_CONNECT_TIMEOUT_MS: TCP connect and handshake timeout of one connection. */
  dbConnectTimeoutMs: number;
  /** DB_SOCKET_TIMEOUT_MS: a socket idle this long mid-command is closed (0: never). */
  dbSocketTimeoutMs: number;
  /** DB_MAX_POOL_SIZE: connections per server in the driver's pool. */
  dbMaxPoolSize: number;
  /** MAX_IN_FLIGHT_REQUESTS: GraphQL requests executing at once in this instance. */
  maxInFlightRequests: number;
  /** MAX_QUEUED_REQUESTS: requests waiting for a slot; beyond: 503 OVERLOADED. */
  maxQueuedRequests: number;
  /** MAX_CONCURRENT_AGGREGATIONS: analytics aggregations at once in this instance. */
  maxConcurrentAggregations: number;
  /** MAX_RESPONSE_BYTES: a larger GraphQL response is replaced by RESPONSE_TOO_LARGE. */
  maxResponseBytes: number;
  /** SHUTDOWN_GRACE_MS: how long SIGTERM waits for in-flight requests. */
  shutdownGraceMs: number;
  /** ANALYTICS_READ_PREFERENCE: where analytics aggregations read. */
  analyticsReadPreference: ReadPreferenceSetting;
  /** ANALYTICS_MAX_STALENESS_SECONDS: secondaries further behind are not read (0: no bound). */
  analyticsMaxStalenessSeconds: number;
  /** RATE_LIMIT_STORE: `mongodb` counts across instances, `memory` per instance. */
  rateLimitStore: RateLimitStoreKind;
}

export const LIVE_SOURCES = ["auto", "change-stream", "poll"] as const;
export type LiveSource = (typeof LIVE_SOURCES)[number];

/** How live fields learn about changes, and the limits of the subscription endpoint. */
export interface LiveConfig {
  /** `auto`: change streams where the deployment has them, else polling. */
  source: LiveSource;
  /** At most one recomputation per argument set per this many milliseconds. */
  minIntervalMs: number;
  /** Polling period where there are no change streams. */
  pollSeconds: number;
  maxSubscriptionsPerConnection: number;
  maxConnectionsPerCaller: number;
}

/** How Bearer JWTs are verified and whether anonymous requests are served. */
export interface AuthConfig {
  jwtSecret: string | undefined;
  jwksFile: string | undefined;
  jwksUrl: string | undefined;
  issuer: string | undefined;
  audience: string | undefined;
  /** "viewer": requests without credentials act as VIEWER; undefined: they get 401. */
  allowAnonymous: "viewer" | undefined;
}

/** Work the gateway remembers between requests instead of redoing it (README "Hot path"). */
export interface RequestCachesConfig {
  /** JWT_VERIFY_CACHE_SIZE: verified tokens remembered (src/auth/verified-token-cache.ts); 0: none. */
  verifiedTokens: number;
  /** The clock of token expiry (epoch ms); tests inject one. Default Date.now. */
  now?: () => number;
}

/** Limits applied to every GraphQL request before it reaches the database. */
export interface ProtectionsConfig {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxDocumentBytes: number;
  maxBodyBytes: number;
  maxCost: number;
  /** 0 turns rate limiting off. */
  rateLimitPerMinute: number;
  persistedQueriesOnly: boolean;
  allowBatching: boolean;
  /** Allowed CORS origins; empty: same-origin only (no CORS headers). */
  corsOrigins: string[];
  /** NODE_ENV=production: introspection for ANALYST and above only, no "Did you mean" suggestions. */
  production: boolean;
}

/** Upper bound for MAX_PAGE_SIZE: a page is built in memory, so it must stay small. */
const PAGE_SIZE_CEILING = 10_000;

/**
 * Reads the gateway's variables from `env`. Throws one ConfigError listing every
 * problem rather than stopping at the first, so one restart is enough to fix them.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}; got "${raw}"`);
      return fallback;
    }
    return value;
  };

  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = raw.toLowerCase();
    if (!(allowed as readonly string[]).includes(value)) {
      problems.push(`${name} must be one of ${allowed.join(", ")}; got "${raw}"`);
      return fallback;
    }
    return value as T;
  };

  const mongodbUri = read("MONGODB_URI");
  if (mongodbUri !== undefined && !/^mongodb(\+srv)?:\/\/\S+$/.test(mongodbUri)) {
    problems.push(`MONGODB_URI must be a connection string starting with mongodb:// or mongodb+srv://`);
  }

  const mongodbDb = read("MONGODB_DB") ?? "jupiter";
  // MongoDB refuses these characters in database names; say so before connecting.
  if (!/^[^/\\. "$*<>:|?]{1,63}$/.test(mongodbDb)) {
    problems.push(`MONGODB_DB must be 1 to 63 characters without /\\. "$*<>:|?; got "${mongodbDb}"`);
  }

  const host = read("HOST") ?? "127.0.0.1";

  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = raw.toLowerCase();
    if (value === "true" || value === "1") return true;
    if (value === "false" || value === "0") return false;
    problems.push(`${name} must be true or false; got "${raw}"`);
    return fallback;
  };

  const jwtSecret = read("JWT_SECRET");
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    problems.push("JWT_SECRET must be at least 32 characters (HS256 needs a 256-bit secret)");
  }
  const jwksFile = read("JWT_JWKS_FILE");
  const jwksUrl = read("JWT_JWKS_URL");
  if (jwksFile !== undefined && jwksUrl !== undefined) {
    problems.push("set JWT_JWKS_FILE or JWT_JWKS_URL, not both");
  }
  if (jwksUrl !== undefined && !isTrustedJwksUrl(jwksUrl)) {
    problems.push(
      `JWT_JWKS_URL must be an https URL (http only for 127.0.0.1, localhost or [::1]); got "${jwksUrl}"`,
    );
  }
  const anonymous = read("ALLOW_ANONYMOUS");
  if (anonymous !== undefined && anonymous.toLowerCase() !== "viewer") {
    problems.push(`ALLOW_ANONYMOUS must be "viewer" (or unset); got "${anonymous}"`);
  }
  const corsOrigins = (read("CORS_ORIGINS") ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter((origin) => origin !== "");
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      problems.push(`CORS_ORIGINS must list origins such as https://app.example.com; got "${origin}"`);
    }
  }

  const config: Config = {
    mongodbUri,
    mongodbDb,
    host,
    port: integer("PORT", 4000, 0, 65_535),
    logLevel: oneOf("LOG_LEVEL", LOG_LEVELS, "info"),
    maxPageSize: integer("MAX_PAGE_SIZE", 100, 1, PAGE_SIZE_CEILING),
    dbMaxTimeMs: integer("DB_MAX_TIME_MS", 5000, 1, 600_000),
    demoData: oneOf("DEMO_DATA", DEMO_DATA_MODES, "auto"),
    auth: {
      jwtSecret,
      jwksFile,
      jwksUrl,
      issuer: read("JWT_ISSUER"),
      audience: read("JWT_AUDIENCE"),
      allowAnonymous: anonymous?.toLowerCase() === "viewer" ? "viewer" : undefined,
    },
    requestCaches: {
      verifiedTokens: integer("JWT_VERIFY_CACHE_SIZE", 10_000, 0, 1_000_000),
    },
    compiledQueryCacheSize: integer("COMPILED_QUERY_CACHE_SIZE", 1_000, 0, 100_000),
    protections: {
      maxDepth: integer("MAX_DEPTH", 8, 1, 100),
      maxAliases: integer("MAX_ALIASES", 15, 0, 1_000),
      maxDirectives: integer("MAX_DIRECTIVES", 50, 0, 1_000),
      maxTokens: integer("MAX_TOKENS", 2_000, 100, 1_000_000),
      maxDocumentBytes: integer("MAX_DOCUMENT_BYTES", 16_384, 256, 10_485_760),
      maxBodyBytes: integer("MAX_BODY_BYTES", 1_048_576, 1_024, 104_857_600),
      maxCost: integer("MAX_COST", 5_000, 1, 10_000_000),
      rateLimitPerMinute: integer("RATE_LIMIT_PER_MINUTE", 600, 0, 1_000_000),
      persistedQueriesOnly: boolean("PERSISTED_QUERIES_ONLY", false),
      allowBatching: boolean("ALLOW_BATCHING", false),
      corsOrigins,
      production: read("NODE_ENV") === "production",
    },
    faults: {
      dbUnavailableTimeoutMs: integer("DB_UNAVAILABLE_TIMEOUT_MS", 2_000, 100, 600_000),
      dbConnectTimeoutMs: integer("DB_CONNECT_TIMEOUT_MS", 10_000, 100, 600_000),
      dbSocketTimeoutMs: integer("DB_SOCKET_TIMEOUT_MS", 30_000, 0, 3_600_000),
      dbMaxPoolSize: integer("DB_MAX_POOL_SIZE", 100, 1, 10_000),
      maxInFlightRequests: integer("MAX_IN_FLIGHT_REQUESTS", 256, 1, 100_000),
      maxQueuedRequests: integer("MAX_QUEUED_REQUESTS", 512, 0, 1_000_000),
      maxConcurrentAggregations: integer("MAX_CONCURRENT_AGGREGATIONS", 4, 1, 10_000),
      maxResponseBytes: integer("MAX_RESPONSE_BYTES", 8_388_608, 1_024, 1_073_741_824),
      shutdownGraceMs: integer("SHUTDOWN_GRACE_MS", 10_000, 0, 3_600_000),
      analyticsReadPreference: oneOf("ANALYTICS_READ_PREFERENCE", READ_PREFERENCES, "primary"),
      analyticsMaxStalenessSeconds: integer("ANALYTICS_MAX_STALENESS_SECONDS", 0, 0, 86_400),
      rateLimitStore: oneOf("RATE_LIMIT_STORE", RATE_LIMIT_STORES, "mongodb"),
    },
    live: {
      source: oneOf("LIVE_SOURCE", LIVE_SOURCES, "auto"),
      minIntervalMs: integer("LIVE_MIN_INTERVAL_MS", 1_000, 0, 3_600_000),
      pollSeconds: integer("LIVE_POLL_SECONDS", 5, 1, 3_600),
      maxSubscriptionsPerConnection: integer("MAX_SUBSCRIPTIONS_PER_CONNECTION", 20, 1, 1_000),
      maxConnectionsPerCaller: integer("MAX_LIVE_CONNECTIONS_PER_CALLER", 10, 1, 10_000),
    },
    metrics: parseMetricsConfig(read, integer, problems),
    observability: readObservabilityConfig({ read, integer, boolean, problems }),
    cache: parseCacheConfig(integer),
    rollups: parseRollupsConfig(read, integer, problems),
  };
  const staleness = config.faults.analyticsMaxStalenessSeconds;
  if (staleness !== 0 && staleness < 90) {
    problems.push(`ANALYTICS_MAX_STALENESS_SECONDS must be 0 (no bound) or at least 90; got "${staleness}"`);
  } else if (staleness !== 0 && config.faults.analyticsReadPreference === "primary") {
    problems.push("ANALYTICS_MAX_STALENESS_SECONDS needs an ANALYTICS_READ_PREFERENCE other than primary");
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * Signing keys fetched over plain http could be swapped by anyone on the path, so http is
 * accepted only for a key server on this machine.
 */
function isTrustedJwksUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}
