import { collStatsCommand } from "../commands/coll-stats-command";
import { CommandError } from "../errors/command-error";
import { isPlainObject } from "../bson/is-plain-object";
import { currentOpDocuments } from "../profiler/current-op-documents";
import type { Doc } from "../storage/doc";
import type { Engine } from "../storage/engine";

/** Where a leading monitoring stage runs: the aggregate's database and collection (null for `{aggregate: 1}`). */
export interface SourceStageScope {
  engine: Engine;
  dbName: string;
  collName: string | null;
  /** host:port of this server, as the documents name it. */
  host: string;
}

/** The single document of a leading $collStats stage ({count: {}}, {storageStats: {}}, {latencyStats: {}}). */
export function collStatsDocuments(
  { engine, dbName, collName, host }: SourceStageScope,
  spec: unknown,
): Doc[] {
  if (collName === null) throw new CommandError(73, "$collStats must be run against a collection namespace");
  if (!isPlainObject(spec))
    throw new CommandError(5447000, "$collStats must take a nested object as argument");
  const stats = collStatsCommand({
    engine,
    dbName,
    name: "collStats",
    cmd: { collStats: collName },
    connectionId: 0,
    address: host,
  }) as Record<string, unknown>;
  const out: Doc = { ns: `${dbName}.${collName}`, host, localTime: new Date() };
  if (spec.latencyStats !== undefined) {
    out.latencyStats = {
      reads: zeroLatency(),
      writes: zeroLatency(),
      commands: zeroLatency(),
      transactions: zeroLatency(),
    };
  }
  if (spec.storageStats !== undefined) {
    const storage: Record<string, unknown> = { ...stats };
    delete storage.ok;
    delete storage.ns;
    out.storageStats = storage;
  }
  if (spec.count !== undefined) out.count = stats.count;
  if (spec.queryExecStats !== undefined)
    out.queryExecStats = { collectionScans: { total: 0, nonTailable: 0 } };
  return [out];
}

function zeroLatency(): Record<string, number> {
  return { latency: 0, ops: 0 };
}

/** The documents of a leading $currentOp stage (database-level aggregate on admin). */
export function currentOpStageDocuments(
  { engine, dbName, collName, host }: SourceStageScope,
  spec: unknown,
): Doc[] {
  if (dbName !== "admin" || collName !== null) {
    throw new CommandError(73, "$currentOp must be run against the 'admin' database with {aggregate: 1}");
  }
  if (spec !== undefined && !isPlainObject(spec)) {
    throw new CommandError(ErrorCodes.FailedToParse, "$currentOp options must be specified in an object");
  }
  return currentOpDocuments(engine, host, { idleCursors: isPlainObject(spec) && spec.idleCursors === true });
}

const ErrorCodes = { FailedToParse: 9 };
