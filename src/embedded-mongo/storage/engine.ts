import { CursorManager } from "../cursors/cursor-manager";
import type { OpStats } from "../query/op-stats";
import { Database } from "./database";
import { newServerStats, type ServerStats } from "./server-stats";
import { TtlMonitor } from "../ttl/ttl-monitor";

export interface EngineOptions {
  /** Idle cursors are closed after this long (default 10 minutes). */
  cursorTimeoutMs?: number;
  /** Times idle cursors and sessions (epoch ms); default Date.now. */
  clock?: () => number;
}

/** The whole server state: databases, cursors and counters. */
export class Engine {
  readonly databases = new Map<string, Database>();
  readonly cursors: CursorManager;
  readonly stats: ServerStats = newServerStats();
  /** Execution counters of the most recent query-like operation (the profiler's hook). */
  lastOp: OpStats | null = null;
  /** Deletes expired documents of TTL indexes in the background (unref'd timer). */
  readonly ttl = new TtlMonitor(this);
  /** The clock of idle-cursor and session expiry (injectable: EmbeddedMongoOptions.clock). */
  readonly clock: () => number;

  constructor(options: EngineOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.cursors = new CursorManager(options.cursorTimeoutMs, this.clock);
    this.ttl.start();
  }

  db(name: string): Database {
    let db = this.databases.get(name);
    if (!db) {
      db = new Database(name);
      this.databases.set(name, db);
    }
    return db;
  }

  close(): void {
    this.ttl.stop();
    this.cursors.close();
  }
}
