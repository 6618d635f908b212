import { collectDefaultMetrics, Registry } from "prom-client";
import { createMetricsRegistrar, type MetricsRegistrar } from "./metrics-registrar";
import { counter, gauge, histogram, metricSet } from "./metric-table";
import { OperationNameLabels } from "./operation-name-labels";

/** Seconds; GraphQL requests and database commands of a healthy gateway sit in the first half. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Keys per DataLoader batch. */
const BATCH_SIZE_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

/** The gateway's own metrics, each under the name the gateway's code calls it by. */
const GATEWAY_METRICS = {
  graphqlRequests: counter("graphql_requests_total", ["operation_name", "operation_type", "outcome"], {
    help: "GraphQL requests by operation name, operation type and outcome (ok, or the first error's code)",
  }),
  graphqlDuration: histogram("graphql_request_duration_seconds", ["operation_name"], {
    help: "Time from the start of a GraphQL request to its response, by operation name",
    buckets: DURATION_BUCKETS,
  }),
  graphqlErrors: counter("graphql_errors_total", ["code"], {
    help: "Errors in GraphQL responses, by code (extensions.code)",
  }),
  refusals: counter("requests_refused_total", ["reason"], {
    help: "Requests refused by a protection before execution, by reason",
  }),
  dbCommands: counter("db_commands_total", ["command", "collection"], {
    help: "MongoDB commands sent, by command name and collection (driver command monitoring)",
  }),
  dbCommandDuration: histogram("db_command_duration_seconds", ["command", "collection"], {
    help: "MongoDB command round trips, by command name and collection",
    buckets: DURATION_BUCKETS,
  }),
  dbCommandErrors: counter("db_command_errors_total", ["command", "code"], {
    help: "MongoDB commands that failed, by command name and error code name",
  }),
  poolInUse: gauge("db_pool_connections_in_use", [], {
    help: "Connections of the MongoClient's pools checked out by an operation",
  }),
  poolAvailable: gauge("db_pool_connections_available", [], {
    help: "Open connections of the MongoClient's pools waiting for an operation",
  }),
  poolWaitQueue: gauge("db_pool_wait_queue_size", [], {
    help: "Operations waiting for a connection of the MongoClient's pools",
  }),
  loaderBatchSize: histogram("dataloader_batch_size", ["loader"], {
    help: "Keys per DataLoader batch (one database read each), by loader",
    buckets: BATCH_SIZE_BUCKETS,
  }),
};

/**
 * The metrics of one gateway, in a registry of its own (not prom-client's global one,
 * so that several gateways in one process, as in the tests, never share counts); the
 * gateway's own metrics (GATEWAY_METRICS) are its properties.
 */
export class GatewayMetrics extends metricSet(GATEWAY_METRICS) {
  readonly registry: Registry;
  /** For the parts of the gateway that add metrics of their own. */
  readonly registrar: MetricsRegistrar;
  readonly operationNames: OperationNameLabels;

  constructor(options: { maxOperationNames: number; knownOperationNames?: Iterable<string> }) {
    const registry = new Registry();
    const registrar = createMetricsRegistrar(registry);
    super(registrar);
    this.registry = registry;
    this.registrar = registrar;
    this.operationNames = new OperationNameLabels(options.maxOperationNames, options.knownOperationNames);
    // prom-client's process metrics: event-loop lag, heap, GC, CPU, handles.
    collectDefaultMetrics({ register: this.registry });
  }

  /** The Prometheus text exposition of every metric. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
