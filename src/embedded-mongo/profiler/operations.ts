import type { OpStats } from "../query/op-stats";
import type { Engine } from "../storage/engine";

/** One command being executed (what $currentOp and the profiler see). */
export interface RunningOperation {
  opid: number;
  connectionId: number;
  client: string;
  name: string;
  dbName: string;
  ns: string;
  command: Record<string, unknown>;
  startedAt: Date;
  startedNs: bigint;
}

/** Per-engine profiling settings (the `profile` command) and the operations in progress. */
export interface ProfilerState {
  levels: Map<string, { level: number; slowms: number; sampleRate: number }>;
  defaultSlowms: number;
  running: Map<number, RunningOperation>;
}

const states = new WeakMap<Engine, ProfilerState>();
let nextOpid = 1;

export function profilerOf(engine: Engine): ProfilerState {
  let state = states.get(engine);
  if (!state) {
    state = { levels: new Map(), defaultSlowms: 100, running: new Map() };
    states.set(engine, state);
  }
  return state;
}

/** Keeps the newest entries of each <db>.system.profile. */
export const PROFILE_ENTRIES_KEPT = 1000;

/** The `op` mongod shows for a command (profiler entries, $currentOp); others are "command". */
export const OP_OF: Readonly<Record<string, string>> = {
  find: "query",
  insert: "insert",
  update: "update",
  delete: "remove",
  getMore: "getmore",
};

/** Fields of a command document that are not part of what the profiler shows. */
const HIDDEN = new Set(["lsid", "$clusterTime", "txnNumber", "$readPreference", "documents"]);

function collectionOf(name: string, cmd: Record<string, unknown>): string {
  const target = cmd[name];
  if (typeof target === "string") return target;
  if (name === "getMore" && typeof cmd.collection === "string") return cmd.collection;
  return "$cmd";
}

/**
 * Runs a command as a tracked operation: visible to $currentOp while it runs, then written to
 * <db>.system.profile when the database's profiling level asks for it (level 2: every operation;
 * level 1: those slower than slowms).
 */
export function trackOperation<T>(
  engine: Engine,
  info: { name: string; cmd: Record<string, unknown>; dbName: string; connectionId: number; client: string },
  run: () => T,
): T {
  const state = profilerOf(engine);
  const coll = collectionOf(info.name, info.cmd);
  const op: RunningOperation = {
    opid: nextOpid++,
    connectionId: info.connectionId,
    client: info.client,
    name: info.name,
    dbName: info.dbName,
    ns: `${info.dbName}.${coll}`,
    command: info.cmd,
    startedAt: new Date(),
    startedNs: process.hrtime.bigint(),
  };
  state.running.set(op.opid, op);
  engine.lastOp = null;
  let failed: unknown = undefined;
  try {
    return run();
  } catch (err) {
    failed = err;
    throw err;
  } finally {
    state.running.delete(op.opid);
    const setting = state.levels.get(info.dbName);
    if (setting && setting.level > 0 && coll !== "system.profile" && info.name !== "profile") {
      const micros = Number((process.hrtime.bigint() - op.startedNs) / 1000n);
      const millis = Math.floor(micros / 1000);
      if (setting.level === 2 || millis >= setting.slowms) {
        recordEntry(engine, op, coll, millis, engine.lastOp, failed);
      }
    }
  }
}

function planSummary(stats: OpStats | null): string | undefined {
  if (!stats) return undefined;
  if (stats.stage === "IXSCAN" || stats.stage === "TEXT") {
    return `IXSCAN { ${stats.indexName ?? ""} }`;
  }
  return stats.stage;
}

function recordEntry(
  engine: Engine,
  op: RunningOperation,
  coll: string,
  millis: number,
  stats: OpStats | null,
  failed: unknown,
): void {
  const command: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(op.command)) if (!HIDDEN.has(k)) command[k] = v;
  const entry: Record<string, unknown> = {
    op: OP_OF[op.name] ?? "command",
    ns: op.ns,
    command,
  };
  if (stats) {
    entry.keysExamined = stats.keysExamined;
    entry.docsExamined = stats.docsExamined;
    entry.nreturned = stats.nReturned;
    entry.planSummary = planSummaryWithKey(engine, op.dbName, coll, stats) ?? planSummary(stats);
  }
  if (failed !== undefined) {
    const e = failed as { message?: string; code?: unknown };
    entry.ok = 0;
    entry.errMsg = e.message ?? String(failed);
    if (typeof e.code === "number") entry.errCode = e.code;
  }
  entry.millis = millis;
  entry.ts = new Date();
  entry.client = op.client;
  entry.user = "";
  const db = engine.db(op.dbName);
  const profile = db.getOrCreate("system.profile");
  profile.apply({ op: "insert", doc: { _id: `${op.opid}`, ...entry } });
  while (profile.size > PROFILE_ENTRIES_KEPT) {
    const oldest = profile.docs.keys().next().value as number;
    profile.apply({ op: "delete", rid: oldest });
  }
}

/** "IXSCAN { case_id: 1 }" as mongod prints it (key pattern of the index used). */
function planSummaryWithKey(
  engine: Engine,
  dbName: string,
  coll: string,
  stats: OpStats,
): string | undefined {
  if ((stats.stage !== "IXSCAN" && stats.stage !== "TEXT") || !stats.indexName) return undefined;
  const index = engine.databases.get(dbName)?.get(coll)?.indexes.get(stats.indexName);
  if (!index) return undefined;
  const key = Object.entries(index.spec.key)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? `"${v}"` : String(v)}`)
    .join(", ");
  return `IXSCAN { ${key} }`;
}
