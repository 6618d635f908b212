import { Long, ObjectId } from "bson";
import type { Engine } from "../storage/engine";

/** hello's `topologyVersion`: which server process answers, and how often its role changed. */
export interface TopologyVersion {
  processId: ObjectId;
  counter: Long;
}

const versions = new WeakMap<Engine, TopologyVersion>();

/**
 * The engine's topologyVersion, as mongod 4.4+ reports it: a processId new at every start (a
 * restarted engine is a new process to the driver) and a counter that stays 0, since a
 * single-node primary never changes role. Clients seeing it monitor with awaitable hello.
 */
export function topologyVersionOf(engine: Engine): TopologyVersion {
  let version = versions.get(engine);
  if (!version) {
    version = { processId: new ObjectId(), counter: Long.fromInt(0) };
    versions.set(engine, version);
  }
  return version;
}

/** True when a client's topologyVersion names this very process and its current counter. */
export function isCurrentTopologyVersion(engine: Engine, sent: unknown): boolean {
  if (!sent || typeof sent !== "object") return false;
  const { processId, counter } = sent as { processId?: unknown; counter?: unknown };
  const current = topologyVersionOf(engine);
  if (!(processId instanceof ObjectId) || !processId.equals(current.processId)) return false;
  const value = Long.isLong(counter) ? counter.toNumber() : typeof counter === "number" ? counter : NaN;
  return value === current.counter.toNumber();
}
