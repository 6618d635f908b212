import type { AddressInfo } from "node:net";
import type { ApolloServerPlugin } from "@apollo/server";
import type { SpanProcessor } from "@opentelemetry/sdk-trace";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { GraphQLSchema } from "graphql";
import type { MongoClient, MongoClientOptions } from "mongodb";
import { observeDatabaseMetrics } from "./database-metrics";
import { traceDatabaseCommands } from "./database-spans";
import { GatewayMetrics } from "./gateway-metrics";
import { type GatewayTracing, startGatewayTracing } from "./gateway-tracing";
import { graphqlTracingPlugin } from "./graphql-tracing.plugin";
import { knownOperationNames } from "./known-operation-names";
import {
  createChildLoggerFactory,
  registerGraphqlRouteHooks,
  registerHttpSpanEnd,
  requestIdOfRaw,
} from "./http-observation";
import { createMetricsRegistrar, type MetricsRegistrar } from "./metrics-registrar";
import { METRICS_PATH, registerMetricsRoute } from "./metrics.route";
import { metricsEnabled, type ObservabilityConfig } from "./observability-config";
import { requestLogPlugin } from "./request-log.plugin";
import { currentObservation } from "./request-observation";
import { traceResolvers } from "./traced-resolvers";

/** Collaborators tests replace. */
export interface ObservabilityDependencies {
  /** Receives the spans instead of the OTLP exporter (tests: an in-memory exporter). */
  spanProcessor?: SpanProcessor;
}

/**
 * The gateway's metrics, traces and request logs, built once from the configuration
 * and hooked in at start: the MongoClient (command monitoring), Fastify (request ids,
 * loggers, hooks, /metrics) and Apollo (plugins, resolver spans). What is off costs
 * nothing: no registry without metrics, no spans, hooks or resolver wrappers without
 * tracing.
 */
export class Observability {
  readonly metrics: GatewayMetrics | undefined;
  readonly tracing: GatewayTracing | undefined;
  /** How other parts of the gateway add metrics (no-ops when metrics are off). */
  readonly registrar: MetricsRegistrar;
  private metricsServer: FastifyInstance | undefined;

  constructor(
    private readonly config: ObservabilityConfig,
    dependencies: ObservabilityDependencies = {},
  ) {
    this.metrics = metricsEnabled(config)
      ? new GatewayMetrics({
          maxOperationNames: config.maxOperationNames,
          knownOperationNames: knownOperationNames(),
        })
      : undefined;
    this.registrar = this.metrics?.registrar ?? createMetricsRegistrar(undefined);
    this.tracing = config.tracing
      ? startGatewayTracing(config.tracing, dependencies.spanProcessor)
      : undefined;
  }

  /** MongoClient options the gateway needs: command monitoring feeds the logs, metrics and spans. */
  mongoClientOptions(): MongoClientOptions {
    return { monitorCommands: true };
  }

  /** Listens to the client's monitoring events; call before the client connects. */
  instrumentClient(client: MongoClient): void {
    client.on("commandStarted", () => {
      const observation = currentObservation();
      if (observation) observation.dbCommands += 1;
    });
    if (this.metrics) observeDatabaseMetrics(client, this.metrics);
    if (this.tracing) traceDatabaseCommands(client, this.tracing.tracer);
  }

  /** Fastify options: request ids from `x-request-id`, loggers with request_id and trace_id. */
  fastifyOptions(graphqlPath: string) {
    return {
      genReqId: requestIdOfRaw,
      childLoggerFactory: createChildLoggerFactory({ graphqlPath, tracer: this.tracing?.tracer }),
    };
  }

  /** Apollo plugins: the request log line and GraphQL metrics; the operation spans when tracing. */
  apolloPlugins(fallbackLogger: FastifyBaseLogger): ApolloServerPlugin[] {
    return [
      requestLogPlugin({
        fallbackLogger,
        slowOperationMs: this.config.slowOperationMs,
        metrics: this.metrics,
      }) as ApolloServerPlugin,
      ...(this.tracing ? [graphqlTracingPlugin(this.tracing.tracer)] : []),
    ];
  }

  /** Resolver spans, when tracing is on (wraps the schema's resolvers in place, once). */
  instrumentSchema(schema: GraphQLSchema): void {
    if (this.tracing) traceResolvers(schema);
  }

  /** App-level hooks and routes: the end of HTTP spans; /metrics on the public port behind METRICS_TOKEN. */
  registerAppHooks(app: FastifyInstance): void {
    if (this.tracing) registerHttpSpanEnd(app);
    if (this.metrics && this.config.metricsPort === undefined) {
      registerMetricsRoute(app, this.metrics, this.config.metricsToken);
    }
  }

  /** Hooks of the GraphQL route (register first in its scope, before the checks). */
  registerGraphqlHooks(scope: FastifyInstance): void {
    registerGraphqlRouteHooks(scope, this.metrics);
  }

  /** Counts the keys of one DataLoader batch. */
  onLoaderBatch = (loader: string, size: number): void => {
    this.metrics?.loaderBatchSize.observe({ loader }, size);
  };

  /**
   * Starts the separate /metrics listener when METRICS_PORT is set (on `host`, like the
   * gateway). Returns its base URL.
   */
  async listenMetrics(host: string): Promise<string | undefined> {
    if (!this.metrics || this.config.metricsPort === undefined) return undefined;
    const server = Fastify({ logger: false });
    registerMetricsRoute(server, this.metrics, this.config.metricsToken);
    await server.listen({ host, port: this.config.metricsPort });
    this.metricsServer = server;
    const { port } = server.server.address() as AddressInfo;
    const urlHost =
      host === "0.0.0.0" || host === "::" || host === ""
        ? "127.0.0.1"
        : host.includes(":")
          ? `[${host}]`
          : host;
    return `http://${urlHost}:${port}${METRICS_PATH}`;
  }

  /** Closes the metrics listener and flushes the spans still buffered. */
  async close(): Promise<void> {
    await this.metricsServer?.close();
    await this.tracing?.shutdown();
  }
}
