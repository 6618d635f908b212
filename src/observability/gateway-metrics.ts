import { collectDefaultMetrics, Registry } from "prom-client";
import { createMetricsRegistrar, type MetricsRegistrar } from "./metrics-registrar";
import { OperationNameLabels } from "./operation-name-labels";

/** Seconds; GraphQL requests and database commands of a healthy gateway sit in the first half. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Keys per DataLoader batch. */
const BATCH_SIZE_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

/**
 * The metrics of one gateway, in a registry of its own (not prom-client's global one,
 * so that several gateways in one process, as in the tests, never share counts).
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  /** For the parts of the gateway that add metrics of their own. */
  readonly registrar: MetricsRegistrar = createMetricsRegistrar(this.registry);
  readonly operationNames: OperationNameLabels;

  readonly graphqlRequests = this.registrar.counter({
    name: "graphql_requests_total",
    help: "GraphQL requests by operation name, operation type and outcome (ok, or the first error's code)",
    labelNames: ["operation_name", "operation_type", "outcome"] as const,
  });
  readonly graphqlDuration = this.registrar.histogram({
    name: "graphql_request_duration_seconds",
    help: "Time from the start of a GraphQL request to its response, by operation name",
    labelNames: ["operation_name"] as const,
    buckets: DURATION_BUCKETS,
  });
  readonly graphqlErrors = this.registrar.counter({
    name: "graphql_errors_total",
    help: "Errors in GraphQL responses, by code (extensions.code)",
    labelNames: ["code"] as const,
  });
  readonly refusals = this.registrar.counter({
    name: "requests_refused_total",
    help: "Requests refused by a protection before execution, by reason",
    labelNames: ["reason"] as const,
  });
  readonly dbCommands = this.registrar.counter({
    name: "db_commands_total",
    help: "MongoDB commands sent, by command name and collection (driver command monitoring)",
    labelNames: ["command", "collection"] as const,
  });
  readonly dbCommandDuration = this.registrar.histogram({
    name: "db_command_duration_seconds",
    help: "MongoDB command round trips, by command name and collection",
    labelNames: ["command", "collection"] as const,
    buckets: DURATION_BUCKETS,
  });
  readonly dbCommandErrors = this.registrar.counter({
    name: "db_command_errors_total",
    help: "MongoDB commands that failed, by command name and error code name",
    labelNames: ["command", "code"] as const,
  });
  readonly poolInUse = this.registrar.gauge({
    name: "db_pool_connections_in_use",
    help: "Connections of the MongoClient's pools checked out by an operation",
  });
  readonly poolAvailable = this.registrar.gauge({
    name: "db_pool_connections_available",
    help: "Open connections of the MongoClient's pools waiting for an operation",
  });
  readonly poolWaitQueue = this.registrar.gauge({
    name: "db_pool_wait_queue_size",
    help: "Operations waiting for a connection of the MongoClient's pools",
  });
  readonly loaderBatchSize = this.registrar.histogram({
    name: "dataloader_batch_size",
    help: "Keys per DataLoader batch (one database read each), by loader",
    labelNames: ["loader"] as const,
    buckets: BATCH_SIZE_BUCKETS,
  });

  constructor(options: { maxOperationNames: number; knownOperationNames?: Iterable<string> }) {
    this.operationNames = new OperationNameLabels(options.maxOperationNames, options.knownOperationNames);
    // prom-client's process metrics: event-loop lag, heap, GC, CPU, handles.
    collectDefaultMetrics({ register: this.registry });
  }

  /** The Prometheus text exposition of every metric. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
