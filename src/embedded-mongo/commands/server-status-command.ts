import { hostname } from "node:os";
import type { CommandContext } from "./command-context";
import { SERVER_VERSION } from "./build-info-command";

const MAX_CONNECTIONS = 1_000_000;

/** serverStatus: version, uptime, connections and opcounters (counted as mongod counts them). */
export function serverStatusCommand(ctx: CommandContext): Record<string, unknown> {
  const stats = ctx.engine.stats;
  const uptimeMillis = Date.now() - stats.startedAt.getTime();
  const mem = process.memoryUsage();
  return {
    host: `${hostname()}:${ctx.address.split(":").pop()}`,
    version: SERVER_VERSION,
    process: "mongod",
    pid: process.pid,
    uptime: Math.floor(uptimeMillis / 1000),
    uptimeMillis,
    uptimeEstimate: Math.floor(uptimeMillis / 1000),
    localTime: new Date(),
    connections: {
      current: stats.connections.current,
      available: MAX_CONNECTIONS - stats.connections.current,
      totalCreated: stats.connections.totalCreated,
      active: stats.connections.current,
    },
    opcounters: { ...stats.opcounters },
    extra_info: extraInfo(),
    mem: {
      bits: 64,
      resident: Math.round(mem.rss / 1048576),
      virtual: Math.round(mem.rss / 1048576),
      supported: true,
    },
    metrics: {
      cursor: { open: { total: ctx.engine.cursors.openCount } },
      ttl: { passes: ctx.engine.ttl.passes, deletedDocuments: ctx.engine.ttl.deletedDocuments },
    },
    ok: 1,
  };
}

/** mongod's extra_info (Linux flavour): process CPU times, useful to measure the engine's own work. */
function extraInfo(): Record<string, unknown> {
  const cpu = process.cpuUsage();
  const usage = process.resourceUsage();
  return {
    note: "fields vary by platform",
    user_time_us: cpu.user,
    system_time_us: cpu.system,
    maximum_resident_set_kb: usage.maxRSS,
    page_faults: usage.majorPageFault,
  };
}
