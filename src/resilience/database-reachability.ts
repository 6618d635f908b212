import type { MongoClient, TopologyDescription } from "mongodb";

/**
 * Whether the driver can reach a server that takes writes (a primary, a standalone, a
 * mongos), from its own view of the deployment (SDAM `topologyDescriptionChanged`
 * events): the driver marks a server Unknown on a network error or a failed heartbeat and
 * known again when a heartbeat answers. A slow command on a healthy server changes nothing
 * here, so a slow query is never taken for an outage.
 */
export class DatabaseReachability {
  private since: number | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    client: MongoClient,
    /** Milliseconds on a monotonic clock (performance.now by default). */
    readonly now: () => number = () => performance.now(),
  ) {
    client.on("topologyDescriptionChanged", (event) => this.update(event.newDescription));
  }

  /** When (on `now`'s clock) the database became unreachable; undefined while it is reachable. */
  get unreachableSince(): number | undefined {
    return this.since;
  }

  /** Calls `listener` whenever reachability changes; returns the function that stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(description: TopologyDescription): void {
    let reachable = false;
    for (const server of description.servers.values()) {
      if (server.isWritable) {
        reachable = true;
        break;
      }
    }
    if (reachable === (this.since === undefined)) return;
    this.since = reachable ? undefined : this.now();
    for (const listener of this.listeners) listener();
  }
}
