import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import fastifyApollo from "@as-integrations/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { GraphQLSchema } from "graphql";
import type { Db } from "mongodb";
import type { Config } from "./config";
import { createContextFactory, type GatewayContext } from "./context";
import { errorLoggingPlugin } from "./errors/error-logging.plugin";
import { formatError } from "./errors/format-error";
import { exampleQueries } from "./playground/example-queries";
import { registerPlayground } from "./playground/playground.route";
import { createGatewayRepositories } from "./repositories/gateway-repositories";

/** Path of the GraphQL endpoint (and of the playground page, for browsers). */
export const GRAPHQL_PATH = "/graphql";

/** How long /readyz waits for the database's ping before calling it unavailable. */
const READINESS_TIMEOUT_MS = 2_000;

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
}

/**
 * The HTTP side of the gateway, not yet listening:
 * - `POST /graphql`, `GET /graphql`: Apollo Server (GET only runs queries; like POST
 *   with a non-JSON content type it needs an `apollo-require-preflight` or
 *   `x-apollo-operation-name` header — Apollo's CSRF protection);
 * - `GET /graphql` from a browser: the playground page, when enabled;
 * - `GET /healthz`: the process is up; `GET /readyz`: the database answers a ping.
 * Closing the app stops Apollo too.
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { config, db, schema } = options;
  const app: FastifyInstance = options.logger
    ? Fastify({ loggerInstance: options.logger })
    : Fastify({
        logger: { level: config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
      });

  const apollo = new ApolloServer<GatewayContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // The playground needs introspection; the schema is public (schema/schema.graphql).
    introspection: true,
    plugins: [ApolloServerPluginLandingPageDisabled(), errorLoggingPlugin(app.log)],
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

  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (request, reply) => {
    try {
      await withTimeout(db.command({ ping: 1 }), READINESS_TIMEOUT_MS);
      return { status: "ok" };
    } catch (error) {
      request.log.warn({ err: error }, "readiness check: the database does not answer");
      return reply.code(503).send({ status: "unavailable", reason: "the database does not answer" });
    }
  });

  // Before Apollo, so its onRequest hook sees GET /graphql from browsers first.
  if (options.playground) await registerPlayground(app, { endpoint: GRAPHQL_PATH, exampleQueries });

  const repositories = createGatewayRepositories(db, { maxTimeMS: config.dbMaxTimeMs });
  await app.register(fastifyApollo(apollo), {
    path: GRAPHQL_PATH,
    method: ["GET", "POST", "OPTIONS"],
    context: createContextFactory({ repositories, maxPageSize: config.maxPageSize }),
  });
  return app;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
