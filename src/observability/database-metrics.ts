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
  const counts: Record<PoolCount, number> = { open: 0, inUse: 0, waiting: 0 };
  const update = () => {
    metrics.poolInUse.set(counts.inUse);
    metrics.poolAvailable.set(Math.max(0, counts.open - counts.inUse));
    metrics.poolWaitQueue.set(counts.waiting);
  };
  update();
  for (const [event, moves] of Object.entries(POOL_EVENT_MOVES) as [PoolEvent, PoolMoves][]) {
    client.on(event, () => {
      for (const [count, by] of Object.entries(moves) as [PoolCount, number][]) {
        counts[count] = Math.max(0, counts[count] + by);
      }
      update();
    });
  }
}

type PoolCount = "open" | "inUse" | "waiting";
type PoolMoves = Partial<Record<PoolCount, 1 | -1>>;
type PoolEvent =
  | "connectionCreated"
  | "connectionClosed"
  | "connectionCheckOutStarted"
  | "connectionCheckOutFailed"
  | "connectionCheckedOut"
  | "connectionCheckedIn";

/** How each connection pool event moves the pool's counts (which never go below zero). */
const POOL_EVENT_MOVES: Readonly<Record<PoolEvent, PoolMoves>> = {
  connectionCreated: { open: 1 },
  connectionClosed: { open: -1 },
  connectionCheckOutStarted: { waiting: 1 },
  connectionCheckOutFailed: { waiting: -1 },
  connectionCheckedOut: { waiting: -1, inUse: 1 },
  connectionCheckedIn: { inUse: -1 },
};
