import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import fastifyApollo from "@as-integrations/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import fastifyCors from "@fastify/cors";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";
import type { Db } from "mongodb";
import type { Config } from "./config";
import { ApiKeyRepository } from "./auth/api-key.repository";
import { authenticationHook } from "./auth/authenticate-request";
import { createJwtVerifier } from "./auth/jwt-verifier";
import { createContextFactory, type GatewayContext } from "./context";
import { compiledQueryGateway } from "./execution/compiled-query-gateway";
import { errorLoggingPlugin } from "./errors/error-logging.plugin";
import { formatError } from "./errors/format-error";
import type { Observability } from "./observability/observability";
import { exampleQueries } from "./playground/example-queries";
import { registerPlayground } from "./playground/playground.route";
import { aliasLimitRule } from "./protections/alias-limit";
import { costLimitPlugin } from "./protections/cost-limit";
import { depthLimitRule } from "./protections/depth-limit";
import { directiveLimitRule } from "./protections/directive-limit";
import { documentSizeHook } from "./protections/document-size";
import { introspectionPlugin } from "./protections/introspection";
import { loadPersistedDocuments, persistedDocumentsHook } from "./protections/persisted-documents";
import { RateLimiter, rateLimitHook } from "./protections/rate-limiter";
import { stripSuggestions } from "./protections/suggestions";
import { tokenLimitParseOptions } from "./protections/token-limit";
import { createGatewayRepositories } from "./repositories/gateway-repositories";
import { analyticsDbOf } from "./db/analytics-read-preference";
import { DatabaseReadiness } from "./db/database-availability";
import { MongoRateLimitStore } from "./protections/mongo-rate-limit.store";
import { AdmissionControl } from "./resilience/admission-control";
import { admissionHook } from "./resilience/admission.hook";
import { aggregationLimitPlugin } from "./resilience/aggregation-limit.plugin";
import { availabilityHook, unavailableErrorHandler } from "./resilience/availability.hook";
import { DatabaseReachability } from "./resilience/database-reachability";
import { outageDeadline } from "./resilience/outage-deadline.hook";
import { responseSizeHook } from "./resilience/response-size.hook";
import { retryableStatusPlugin } from "./resilience/retryable-status.plugin";
import { httpOperationKindPlugin } from "./resilience/http-operation-kind.plugin";
import { wellFormedStringsHook } from "./resilience/well-formed-strings.hook";
import type { LiveClock } from "./live/live-clock";
import { registerLive } from "./live/register-live";
import { registerDashboard } from "./dashboard/dashboard.route";
import { watchWritesAroundGateway } from "./cache/change-stream-invalidation";
import { etagHook } from "./cache/etag.hook";
import { ResponseCache } from "./cache/response-cache";
import { responseCachePlugin } from "./cache/response-cache.plugin";
import { uncacheableByDefaultPlugins } from "./cache/uncacheable-by-default.plugin";

/** Path of the GraphQL endpoint (and of the playground page, for browsers). */
export const GRAPHQL_PATH = "/graphql";

export interface ServerOptions {
  config: Config;
  db: Db;
  schema: GraphQLSchema;
  /** Serve the offline GraphiQL page on GET /graphql for browsers. */
  playground: boolean;
  /** A logger to use instead of one built from LOG_LEVEL (tests pass their own). */
  logger?: FastifyBaseLogger;
  /** Where the logger built from LOG_LEVEL writes (default stdout). */
  logStream?: { write(line: string): void };
  /** Initial headers of the playground's headers editor (demo mode: a Bearer token). */
  playgroundHeaders?: Record<string, string>;
  /**
   * Start-up steps that need the database (indexes): run now, or in the background when
   * the gateway started without one. Default: a readiness over `db.client` of its own.
   */
  readiness?: DatabaseReadiness;
  /** Metrics, traces and request logs (src/observability); none when absent. */
  observability?: Observability;
  /** Serve the live dashboard on GET /dashboard (default: as `playground`). */
  dashboard?: boolean;
  /** The clock of subscriptions (token expiry, polling, coalescing); tests move one by hand. */
  liveClock?: LiveClock;
  /** The rate limit's clock (its windows are clock minutes); tests pin it so no window ends mid-test. */
  rateLimitClock?: () => number;
}

/**
 * The HTTP side of the gateway, not yet listening:
 * - `POST /graphql`, `GET /graphql`: Apollo Server (GET only runs queries; like POST
 *   with a non-JSON content type it needs an `apollo-require-preflight` or
 *   `x-apollo-operation-name` header — Apollo's CSRF protection);
 * - `GET /graphql` from a browser: the playground page, when enabled;
 * - `GET /healthz`: the process is up; `GET /readyz`: the driver sees a server that takes writes.
 * Closing the app stops Apollo too.
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { config, db, schema } = options;
  const { protections } = config;
  // MAX_BODY_BYTES: larger bodies are refused with 413 before they are parsed.
  const bodyLimit = protections.maxBodyBytes;
  // Requests arriving while the app closes get the gateway's own SHUTTING_DOWN (availabilityHook).
  const return503OnClosing = false;
  const { observability } = options;
  // Request ids from x-request-id, request_id and trace_id on every line of a request.
  const observed = observability?.fastifyOptions(GRAPHQL_PATH) ?? {};
  const app: FastifyInstance = options.logger
    ? Fastify({ loggerInstance: options.logger, bodyLimit, return503OnClosing, ...observed })
    : Fastify({
        bodyLimit,
        return503OnClosing,
        logger: { level: config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
        ...observed,
      });
  observability?.registerAppHooks(app);
  observability?.instrumentSchema(schema);
  // CACHE_MAX_BYTES=0 turns the response cache off (src/cache, README "Response cache").
  const responseCache =
    config.cache.maxBytes > 0
      ? new ResponseCache(config.cache.maxBytes, config.cache.now ?? Date.now, observability?.registrar)
      : undefined;

  const apollo = new ApolloServer<GatewayContext>({
    // COMPILED_QUERY_CACHE_SIZE > 0: queries run compiled by graphql-jit (src/execution).
    ...(config.compiledQueryCacheSize > 0
      ? { gateway: compiledQueryGateway(schema, config.compiledQueryCacheSize) }
      : { schema }),
    formatError: protections.production
      ? (formatted: GraphQLFormattedError, error: unknown) => stripSuggestions(formatError(formatted, error))
      : formatError,
    includeStacktraceInErrorResponses: false,
    // Compact JSON: Apollo's default indents every answer (more CPU and more bytes to send).
    stringifyResult: (value) => JSON.stringify(value),
    // The playground needs introspection; in production only ANALYST and above get it
    // (introspectionPlugin). The schema is public anyway (schema/schema.graphql).
    introspection: true,
    // Protections that need no database: parser token limit, then validation rules.
    parseOptions: tokenLimitParseOptions(protections.maxTokens),
    validationRules: [
      depthLimitRule(protections.maxDepth),
      aliasLimitRule(protections.maxAliases),
      directiveLimitRule(protections.maxDirectives),
    ],
    allowBatchedHttpRequests: protections.allowBatching,
    // The CLI's own SIGTERM handler drains; Apollo's would re-send the signal (exit 1).
    stopOnTerminationSignals: false,
    // Trusted documents only: no APQ, so clients cannot register new documents.
    ...(protections.persistedQueriesOnly ? { persistedQueries: false as const } : {}),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      errorLoggingPlugin(app.log),
      introspectionPlugin(protections.production),
      costLimitPlugin(schema, protections.maxCost),
      retryableStatusPlugin(),
      httpOperationKindPlugin(),
      aggregationLimitPlugin(
        new AdmissionControl(config.faults.maxConcurrentAggregations, config.faults.maxQueuedRequests),
      ),
      ...(observability?.apolloPlugins(app.log) ?? []),
      ...(responseCache
        ? [
            responseCachePlugin(schema, responseCache, {
              analyticsSeconds: config.cache.ttlAnalyticsSeconds,
              entitySeconds: config.cache.ttlEntitySeconds,
            }),
          ]
        : []),
      // Last, where Apollo puts its own cache-control plugin, which this replaces.
      ...uncacheableByDefaultPlugins(),
    ],
  });
  await apollo.start();
  app.addHook("onClose", async () => {
    await apollo.stop();
  });

  // Graceful stop: once closing, every response asks its client to drop the
  // connection, so kept-alive sockets of requests still in flight end with them
  // instead of holding close() open until the keep-alive timeout.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (_request, reply) => {
    if (closing) reply.header("connection", "close");
  });

  const readiness = options.readiness ?? new DatabaseReadiness(db.client);
  const admission = new AdmissionControl(config.faults.maxInFlightRequests, config.faults.maxQueuedRequests);
  if (responseCache) {
    // Writes made around the gateway invalidate too, once the database answers.
    let stopWatching: (() => Promise<void>) | undefined;
    app.addHook("onClose", async () => stopWatching?.());
    await readiness.add(async () => {
      stopWatching = watchWritesAroundGateway(db, responseCache, app.log);
    });
  }
  // Bypasses admission control; its headers report the admission counts (observable load).
  app.get("/healthz", async (_request, reply) => {
    const { running, queued } = admission.stats();
    reply.header("x-requests-in-flight", String(running)).header("x-requests-queued", String(queued));
    return { status: "ok" };
  });
  const reachability = new DatabaseReachability(db.client);
  app.get("/readyz", async (request, reply) => {
    if (closing) return reply.code(503).send({ status: "unavailable", reason: "shutting down" });
    if (!readiness.ready) {
      return reply.code(503).send({ status: "unavailable", reason: "waiting for the database" });
    }
    // The driver's own view (kept current by its monitor), not a ping: a ping would wait
    // behind running commands, and probes must answer at once under any admitted load.
    // The same view bounds GraphQL requests (outageDeadline), so both agree.
    if (reachability.unreachableSince !== undefined) {
      request.log.warn("readiness check: the driver sees no server that takes writes");
      return reply.code(503).send({ status: "unavailable", reason: "the database does not answer" });
    }
    return { status: "ok" };
  });

  // Before Apollo, so its onRequest hook sees GET /graphql from browsers first.
  if (options.playground) {
    await registerPlayground(app, {
      endpoint: GRAPHQL_PATH,
      exampleQueries,
      defaultHeaders: options.playgroundHeaders,
    });
  }

  if (options.dashboard ?? options.playground) {
    await registerDashboard(app, { endpoint: GRAPHQL_PATH, token: options.playgroundHeaders?.authorization });
  }

  // CORS_ORIGINS: without it no CORS headers are sent (same-origin only).
  if (protections.corsOrigins.length > 0) {
    await app.register(fastifyCors, {
      origin: protections.corsOrigins,
      methods: ["GET", "POST", "OPTIONS"],
      allowedHeaders: [
        "authorization",
        "content-type",
        "x-api-key",
        "x-request-id",
        "apollo-require-preflight",
        "x-apollo-operation-name",
      ],
    });
  }

  const repositories = createGatewayRepositories(
    db,
    {
      maxTimeMS: config.dbMaxTimeMs,
      analyticsDb: analyticsDbOf(db, config.faults),
    },
    config.metrics,
    config.rollups,
  );
  const apiKeys = new ApiKeyRepository(db, config.dbMaxTimeMs);
  await readiness.add(() => apiKeys.ensureIndexes());
  const sharedRateLimit =
    protections.rateLimitPerMinute > 0 && config.faults.rateLimitStore === "mongodb"
      ? new MongoRateLimitStore(
          db,
          protections.rateLimitPerMinute,
          config.dbMaxTimeMs,
          options.rateLimitClock,
        )
      : undefined;
  if (sharedRateLimit) await readiness.add(() => sharedRateLimit.ensureIndexes());
  // Checks of the GraphQL route, in order, each answering before the next (and before
  // Apollo and any database command) when it refuses: trusted documents, document
  // size, authentication (an API key costs one find on api_keys), rate limit.
  const authentication = {
    verifyJwt: createJwtVerifier(config.auth, config.requestCaches),
    apiKeys,
    allowAnonymous: config.auth.allowAnonymous,
  };
  const preHandlers = [
    ...(protections.persistedQueriesOnly ? [persistedDocumentsHook(loadPersistedDocuments())] : []),
    documentSizeHook(protections.maxDocumentBytes),
    authenticationHook(authentication),
    ...(protections.rateLimitPerMinute > 0
      ? [
          rateLimitHook(
            sharedRateLimit ?? new RateLimiter(protections.rateLimitPerMinute, options.rateLimitClock),
            protections.rateLimitPerMinute,
          ),
        ]
      : []),
  ];
  await app.register(async (scope) => {
    observability?.registerGraphqlHooks(scope);
    // Before the body is read and before any database command: drain, readiness, admission.
    scope.addHook(
      "onRequest",
      availabilityHook({ draining: () => closing, databaseReady: () => readiness.ready }),
    );
    // DB_UNAVAILABLE_TIMEOUT_MS bounds the whole request while the database is unreachable.
    const deadline = outageDeadline(reachability, config.faults.dbUnavailableTimeoutMs);
    scope.addHook("onRequest", deadline.onRequest);
    scope.addHook("onRoute", deadline.onRoute);
    scope.addHook("onRequest", admissionHook(admission));
    scope.addHook("onSend", responseSizeHook(config.faults.maxResponseBytes));
    scope.addHook("onSend", etagHook);
    scope.setErrorHandler(unavailableErrorHandler);
    scope.addHook("preHandler", wellFormedStringsHook);
    for (const hook of preHandlers) {
      scope.addHook("preHandler", async (request, reply) => {
        if (request.method === "OPTIONS") return undefined;
        return hook(request, reply);
      });
    }
    await scope.register(fastifyApollo(apollo), {
      path: GRAPHQL_PATH,
      method: ["GET", "POST", "OPTIONS"],
      context: createContextFactory({
        repositories,
        maxPageSize: config.maxPageSize,
        onLoaderBatch: observability?.onLoaderBatch,
      }),
    });
  });
  // Subscriptions: WebSocket upgrades of GRAPHQL_PATH (src/live).
  await registerLive(app, {
    path: GRAPHQL_PATH,
    config,
    db,
    schema,
    repositories,
    authentication,
    clock: options.liveClock,
  });
  return app;
}
