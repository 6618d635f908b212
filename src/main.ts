import "reflect-metadata";
import type { AddressInfo } from "node:net";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { Db, MongoClient, MongoClientOptions } from "mongodb";
import { buildGatewaySchema } from "../schema/build-schema";
import type { Config } from "./config";
import { DatabaseReadiness } from "./db/database-availability";
import { driverOptionsOf } from "./db/driver-options";
import { createMongoClient } from "./db/mongo-client";
import { ensureIndexes } from "./operations/ensure-indexes";
import { ConfigError } from "./errors/config-error";
import { Observability, type ObservabilityDependencies } from "./observability/observability";
import type { LiveClock } from "./live/live-clock";
import { createServer, GRAPHQL_PATH } from "./server";
import { RollupRefresher } from "./rollups/rollup-refresher";

/** Optional collaborators of startGateway; production passes none or few. */
export interface GatewayDependencies {
  /** Extra MongoClient options, e.g. `monitorCommands: true` to observe commands. */
  mongoClientOptions?: MongoClientOptions;
  /** Serve the offline GraphiQL page on GET /graphql for browsers (default true). */
  playground?: boolean;
  /** A logger instead of one built from LOG_LEVEL. */
  logger?: FastifyBaseLogger;
  /** Where the logger built from LOG_LEVEL writes its JSON lines (default stdout). */
  logStream?: { write(line: string): void };
  /** Runs once the indexes exist and before the server is built and listens, e.g. to seed demo data. */
  beforeListen?: (db: Db) => Promise<void>;
  /** Initial headers of the playground (demo mode: a Bearer token), computed after beforeListen. */
  playgroundHeaders?: (db: Db) => Promise<Record<string, string> | undefined>;
  /** Replaces the OTLP export of spans (tests: an in-memory exporter); tracing must be configured. */
  spanProcessor?: ObservabilityDependencies["spanProcessor"];
  /** Serve the live dashboard on GET /dashboard (default: as `playground`). */
  dashboard?: boolean;
  /** The clock of subscriptions (token expiry, polling, coalescing); tests move one by hand. */
  liveClock?: LiveClock;
  /** The rate limit's clock (its windows are clock minutes); tests pin it so no window ends mid-test. */
  rateLimitClock?: () => number;
}

/** A running gateway. */
export interface Gateway {
  /** Base URL, e.g. http://127.0.0.1:4000 (the GraphQL endpoint is `${url}/graphql`). */
  url: string;
  app: FastifyInstance;
  client: MongoClient;
  db: Db;
  /** Metrics (and their registrar for other parts), tracing and request logs. */
  observability: Observability;
  /** The URL of /metrics on METRICS_PORT, when that listener runs. */
  metricsUrl: string | undefined;
  /** The rollup refresh of this copy (ROLLUPS=on); tests call refreshNow() on it. */
  rollups: RollupRefresher | undefined;
  /**
   * Graceful stop: stops accepting connections, lets in-flight requests finish, stops
   * Apollo, then closes the MongoClient. Safe to call more than once.
   */
  stop(): Promise<void>;
}

/** Start-up: database → indexes → schema → HTTP server → listen. */
export async function startGateway(config: Config, dependencies: GatewayDependencies = {}): Promise<Gateway> {
  if (!config.mongodbUri) {
    throw new ConfigError([
      "MONGODB_URI is required to start the gateway (`jupiter serve` provisions one when unset)",
    ]);
  }
  const observability = new Observability(config.observability, {
    spanProcessor: dependencies.spanProcessor,
  });
  const client = createMongoClient(
    config.mongodbUri,
    {
      ...driverOptionsOf(config.faults),
      ...observability.mongoClientOptions(),
      ...dependencies.mongoClientOptions,
    },
    (created) => observability.instrumentClient(created),
  );
  // Started without a database: listen anyway (/readyz 503, GraphQL DATABASE_UNAVAILABLE)
  // and finish these steps in the background once it answers.
  let log: FastifyBaseLogger | undefined = dependencies.logger;
  const readiness = new DatabaseReadiness(client, (error) =>
    log?.warn({ err: error }, "database still unavailable; retrying"),
  );
  try {
    const db = client.db(config.mongodbDb);
    await readiness.add(async () => {
      await client.connect();
    });
    await readiness.add(() => ensureIndexes(db));
    const { beforeListen } = dependencies;
    if (beforeListen) await readiness.add(() => beforeListen(db));
    const playgroundHeaders = dependencies.playgroundHeaders
      ? await dependencies.playgroundHeaders(db)
      : undefined;
    const schema = await buildGatewaySchema();
    const app = await createServer({
      config,
      db,
      schema,
      playground: dependencies.playground ?? true,
      logger: dependencies.logger,
      logStream: dependencies.logStream,
      playgroundHeaders,
      readiness,
      observability,
      liveClock: dependencies.liveClock,
      rateLimitClock: dependencies.rateLimitClock,
      dashboard: dependencies.dashboard,
    });
    log = app.log;
    if (!readiness.ready) app.log.warn("the database is unavailable; serving 503 until it answers");
    await app.listen({ host: config.host, port: config.port });
    const { port } = app.server.address() as AddressInfo;
    let metricsUrl: string | undefined;
    try {
      metricsUrl = await observability.listenMetrics(config.host);
    } catch (error) {
      await app.close();
      throw error;
    }

    const rollups = config.rollups.enabled
      ? new RollupRefresher(db, config.rollups, (error) =>
          app.log.warn({ err: error }, "rollup refresh failed"),
        )
      : undefined;
    rollups?.start();

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        // Requests still running after SHUTDOWN_GRACE_MS are cut off.
        const force = setTimeout(() => app.server.closeAllConnections(), config.faults.shutdownGraceMs);
        readiness.close();
        try {
          await rollups?.stop();
          await app.close();
        } finally {
          clearTimeout(force);
          await readiness.settled();
          await client.close();
          await observability.close();
        }
      })());
    return {
      url: `http://${urlHost(config.host)}:${port}`,
      app,
      client,
      db,
      observability,
      metricsUrl,
      rollups,
      stop,
    };
  } catch (error) {
    readiness.close();
    await client.close().catch(() => undefined);
    await observability.close().catch(() => undefined);
    throw error;
  }
}

/** The URL of the GraphQL endpoint (and playground) of a running gateway. */
export function graphqlUrl(gateway: Pick<Gateway, "url">): string {
  return `${gateway.url}${GRAPHQL_PATH}`;
}

/** A host to put in a URL: wildcard addresses are reached through loopback. */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
