import { type Db, type Document, ObjectId } from "mongodb";
import type { CollectionStatsRecord } from "../domain/collection-stats.record";
import type { ConnectionCountsRecord } from "../domain/connection-counts.record";
import type { CurrentOperationRecord } from "../domain/current-operation.record";
import type { DatabaseHealthRecord } from "../domain/database-health.record";
import type { IndexIdentityRecord } from "../domain/index-identity.record";
import type { IndexUsageRecord } from "../domain/index-usage.record";
import type { ProfilingStatusRecord } from "../domain/profiling-status.record";
import type { SlowOperationRecord } from "../domain/slow-operation.record";
import type { UnusedIndexRecord } from "../domain/unused-index.record";
import { AUDIT_ACTIONS } from "../audit/audit-actions";
import type { AuditTrail, WriteOrigin } from "../audit/audit-trail";
import { COLLECTIONS } from "../db/collection-names";
import { collectionStats, type IndexStats } from "../db/collection-stats";
import { toJsonValue } from "./audit-log.mapper";
import type { RepositoryOptions } from "./repository-options";

/** Fields of a command that are the driver's, not the application's. */
const DRIVER_FIELDS = new Set(["lsid", "$clusterTime", "$db"]);

/** The collection the profiler writes to, in the profiled database. */
const PROFILE_COLLECTION = "system.profile";

/**
 * The admin API's database work: server health, per-collection statistics and index
 * usage (src/db/collection-stats.ts, shared with `jupiter db stats`), the
 * profiler and the operations in progress. Every command carries maxTimeMS.
 */
export class AdminRepository {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
    private readonly options: RepositoryOptions,
  ) {}

  /** ping, then serverStatus and hello; unreachable (not an error) when the ping fails. */
  async health(): Promise<DatabaseHealthRecord> {
    const { maxTimeMS } = this.options;
    const admin = this.db.client.db("admin");
    const started = performance.now();
    try {
      await this.db.command({ ping: 1, maxTimeMS });
    } catch {
      return {
        reachable: false,
        version: null,
        uptimeSeconds: null,
        connections: null,
        replicaSetState: null,
        replicaSetName: null,
        pingMillis: null,
      };
    }
    const pingMillis = performance.now() - started;
    const [status, hello] = await Promise.all([
      admin.command({ serverStatus: 1, maxTimeMS }),
      admin.command({ hello: 1, maxTimeMS }),
    ]);
    return {
      reachable: true,
      version: typeof status.version === "string" ? status.version : null,
      uptimeSeconds: uptimeSeconds(status),
      connections: connectionCounts(status.connections as Document | undefined),
      replicaSetState: replicaSetState(hello),
      replicaSetName: typeof hello.setName === "string" ? hello.setName : null,
      pingMillis,
    };
  }

  /** Count, sizes and index usage of one collection of the data model (validated by the arguments). */
  async collectionStats(name: string): Promise<CollectionStatsRecord> {
    const stats = await collectionStats(this.db, name, new Set(), "collection", this.options);
    return {
      name: stats.name,
      documents: stats.count,
      sizeBytes: stats.size,
      storageSizeBytes: stats.storageSize,
      totalIndexSizeBytes: stats.totalIndexSize,
      indexes: stats.indexes.map(toIndexUsage),
    };
  }

  /** Usage of each index of one collection of the data model. */
  async indexUsage(collection: string): Promise<IndexUsageRecord[]> {
    return (await collectionStats(this.db, collection, new Set(), "collection", this.options)).indexes.map(
      toIndexUsage,
    );
  }

  /** Indexes of the data model's collections that no operation used (accesses.ops 0), `_id_` excepted. */
  async unusedIndexes(): Promise<UnusedIndexRecord[]> {
    const unused: UnusedIndexRecord[] = [];
    for (const collection of Object.values(COLLECTIONS)) {
      const stats = await collectionStats(this.db, collection, new Set(), "collection", this.options);
      for (const index of stats.indexes) {
        if (index.name === "_id_" || index.ops !== 0) continue;
        unused.push({ collection, ...toIndexIdentity(index), since: index.since });
      }
    }
    return unused;
  }

  /** The newest profiler entries of the gateway's database that took at least minMillis. */
  async slowOperations({
    minMillis,
    first,
  }: {
    minMillis: number;
    first: number;
  }): Promise<SlowOperationRecord[]> {
    const entries = await this.db
      .collection(PROFILE_COLLECTION)
      .find(
        // The profiler's own reads of system.profile are no operation of the application.
        { millis: { $gte: minMillis }, ns: { $ne: `${this.db.databaseName}.${PROFILE_COLLECTION}` } },
        { sort: { ts: -1 }, limit: first, maxTimeMS: this.options.maxTimeMS },
      )
      .toArray();
    return entries.map((entry) => ({
      op: String(entry.op ?? ""),
      namespace: String(entry.ns ?? ""),
      millis: Number(entry.millis ?? 0),
      timestamp: entry.ts instanceof Date ? entry.ts : new Date(0),
      docsExamined: numberOrNull(entry.docsExamined),
      keysExamined: numberOrNull(entry.keysExamined),
      returned: numberOrNull(entry.nreturned),
      planSummary: typeof entry.planSummary === "string" ? entry.planSummary : null,
      command: withoutDriverFields(entry.command),
    }));
  }

  /** Operations in progress on the server ($currentOp), running for at least minSeconds. */
  async currentOperations({ minSeconds }: { minSeconds: number }): Promise<CurrentOperationRecord[]> {
    const pipeline: Document[] = [{ $currentOp: { allUsers: true, idleConnections: false } }];
    if (minSeconds > 0) pipeline.push({ $match: { microsecs_running: { $gte: minSeconds * 1_000_000 } } });
    const operations = await this.db.client
      .db("admin")
      .aggregate(pipeline, { maxTimeMS: this.options.maxTimeMS })
      .toArray();
    return operations.map((operation) => ({
      opid: String(operation.opid),
      op: typeof operation.op === "string" ? operation.op : null,
      namespace: typeof operation.ns === "string" ? operation.ns : null,
      secondsRunning:
        operation.microsecs_running !== undefined
          ? Number(operation.microsecs_running) / 1_000_000
          : numberOrNull(operation.secs_running),
      active: typeof operation.active === "boolean" ? operation.active : null,
      command: withoutDriverFields(operation.command),
    }));
  }

  /**
   * Sets the profiler of the gateway's database (`{profile: level, slowms}`) and
   * records the change in the audit trail. The command cannot run in a transaction:
   * the entry is written after it succeeded.
   */
  async setProfilingLevel(
    level: number,
    slowMillis: number,
    origin: WriteOrigin,
  ): Promise<ProfilingStatusRecord> {
    const reply = await this.db.command({
      profile: level,
      slowms: slowMillis,
      maxTimeMS: this.options.maxTimeMS,
    });
    const previousLevel = Number(reply.was ?? 0);
    const previousSlowMillis = numberOrNull(reply.slowms);
    await this.audit.record(
      {
        action: AUDIT_ACTIONS.profilingLevelSet,
        collection: PROFILE_COLLECTION,
        // The profiler is no document: each change gets an id of its own.
        targetId: new ObjectId(),
        before: { level: previousLevel, slowms: previousSlowMillis },
        after: { level, slowms: slowMillis },
        at: new Date(),
        details: { database: this.db.databaseName },
      },
      origin,
    );
    return { previousLevel, level, slowMillis };
  }
}

function toIndexUsage(index: IndexStats): IndexUsageRecord {
  return { ...toIndexIdentity(index), ops: index.ops, since: index.since };
}

function toIndexIdentity(index: IndexStats): IndexIdentityRecord {
  return { name: index.name, key: toJsonValue(index.key) as Record<string, unknown> };
}

/** Seconds since the server started: uptimeMillis where reported (finer), else uptime. */
function uptimeSeconds(status: Document): number | null {
  if (status.uptimeMillis !== undefined) return Number(status.uptimeMillis) / 1000;
  return numberOrNull(status.uptime);
}

function connectionCounts(connections: Document | undefined): ConnectionCountsRecord | null {
  if (!connections) return null;
  return {
    current: Number(connections.current ?? 0),
    available: Number(connections.available ?? 0),
  };
}

/** The server's role as hello describes it. */
function replicaSetState(hello: Document): string {
  if (hello.msg === "isdbgrid") return "MONGOS";
  if (typeof hello.setName !== "string") return "STANDALONE";
  if (hello.isWritablePrimary === true || hello.ismaster === true) return "PRIMARY";
  if (hello.secondary === true) return "SECONDARY";
  if (hello.arbiterOnly === true) return "ARBITER";
  return "OTHER";
}

function numberOrNull(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** A command as JSON, without the fields the driver adds to every command. */
function withoutDriverFields(command: unknown): Record<string, unknown> | null {
  if (command === null || typeof command !== "object") return null;
  const kept = Object.entries(command).filter(([key]) => !DRIVER_FIELDS.has(key));
  return toJsonValue(Object.fromEntries(kept)) as Record<string, unknown>;
}
