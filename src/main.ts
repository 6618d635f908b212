import "reflect-metadata";
import type { AddressInfo } from "node:net";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { Db, MongoClient, MongoClientOptions } from "mongodb";
import { buildGatewaySchema } from "../schema/build-schema";
import type { Config } from "./config";
import { connectMongoClient } from "./db/mongo-client";
import { ensureIndexes } from "./db/ensure-indexes";
import { ConfigError } from "./errors/config-error";
import type { LiveClock } from "./live/live-clock";
import { createServer, GRAPHQL_PATH } from "./server";

/** How long a graceful stop waits for in-flight requests before closing their connections. */
const DRAIN_TIMEOUT_MS = 10_000;

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
  /** Serve the live dashboard on GET /dashboard (default: as `playground`). */
  dashboard?: boolean;
  /** The clock of subscriptions (token expiry, polling, coalescing); tests move one by hand. */
  liveClock?: LiveClock;
}

/** A running gateway. */
export interface Gateway {
  /** Base URL, e.g. http://127.0.0.1:4000 (the GraphQL endpoint is `${url}/graphql`). */
  url: string;
  app: FastifyInstance;
  client: MongoClient;
  db: Db;
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
  const client = await connectMongoClient(config.mongodbUri, dependencies.mongoClientOptions);
  try {
    const db = client.db(config.mongodbDb);
    await ensureIndexes(db);
    if (dependencies.beforeListen) await dependencies.beforeListen(db);
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
      liveClock: dependencies.liveClock,
      dashboard: dependencies.dashboard,
    });
    await app.listen({ host: config.host, port: config.port });
    const { port } = app.server.address() as AddressInfo;

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        // Requests still running after the grace period are cut off.
        const force = setTimeout(() => app.server.closeAllConnections(), DRAIN_TIMEOUT_MS);
        try {
          await app.close();
        } finally {
          clearTimeout(force);
          await client.close();
        }
      })());
    return { url: `http://${urlHost(config.host)}:${port}`, app, client, db, stop };
  } catch (error) {
    await client.close().catch(() => undefined);
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
