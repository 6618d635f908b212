import type { CommandFailedEvent, CommandStartedEvent, CommandSucceededEvent, MongoClient } from "mongodb";
import { collectionOf, failureCodeOf } from "./database-command";
import type { GatewayMetrics } from "./gateway-metrics";

/**
 * Feeds the database metrics from the driver's monitoring: command monitoring (the
 * client needs `monitorCommands: true`) for counts, durations and errors, and the
 * connection pool's events (always emitted) for the pool gauges.
 */
export function observeDatabaseMetrics(client: MongoClient, metrics: GatewayMetrics): void {
  // A command's name and collection, between its start and its end (keyed by requestId).
  const inFlight = new Map<number, { command: string; collection: string }>();
  client.on("commandStarted", (event: CommandStartedEvent) => {
    const labels = { command: event.commandName, collection: collectionOf(event) };
    inFlight.set(event.requestId, labels);
    metrics.dbCommands.inc(labels);
  });
  const finished = (event: CommandSucceededEvent | CommandFailedEvent) => {
    const labels = inFlight.get(event.requestId) ?? { command: event.commandName, collection: "" };
    inFlight.delete(event.requestId);
    metrics.dbCommandDuration.observe(labels, event.duration / 1000);
    return labels;
  };
  client.on("commandSucceeded", finished);
  client.on("commandFailed", (event: CommandFailedEvent) => {
    const { command } = finished(event);
    metrics.dbCommandErrors.inc({ command, code: failureCodeOf(event.failure) });
  });

  // Pool gauges from CMAP events, summed over the client's pools (one per server).
  let open = 0;
  let inUse = 0;
  let waiting = 0;
  const update = () => {
    metrics.poolInUse.set(inUse);
    metrics.poolAvailable.set(Math.max(0, open - inUse));
    metrics.poolWaitQueue.set(waiting);
  };
  update();
  client.on("connectionCreated", () => {
    open += 1;
    update();
  });
  client.on("connectionClosed", () => {
    open = Math.max(0, open - 1);
    update();
  });
  client.on("connectionCheckOutStarted", () => {
    waiting += 1;
    update();
  });
  client.on("connectionCheckOutFailed", () => {
    waiting = Math.max(0, waiting - 1);
    update();
  });
  client.on("connectionCheckedOut", () => {
    waiting = Math.max(0, waiting - 1);
    inUse += 1;
    update();
  });
  client.on("connectionCheckedIn", () => {
    inUse = Math.max(0, inUse - 1);
    update();
  });
}
