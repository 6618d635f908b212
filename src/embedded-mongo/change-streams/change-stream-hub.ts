import type { Collection } from "../storage/collection";
import type { Doc } from "../storage/doc";
import type { Engine } from "../storage/engine";
import { ridById } from "../transactions/find-by-id";
import { idKey } from "../transactions/id-key";
import type { ChangeEntry, ChangeOperation } from "./change-entry";
import { ChangeHistory } from "./change-history";
import type { HistoryFile } from "./history-file";
import { addWriteObserver, removeWriteObserver, type WriteObserver } from "./write-observers";

/** Identifies a committed transaction's events (lsid and txnNumber, as mongod reports them). */
export interface TransactionInfo {
  lsid: unknown;
  txnNumber: unknown;
  /** Order of first write within the transaction, by `ns \0 idKey`. */
  order: Map<string, number>;
}

/**
 * The change-stream side of one engine: records every change of its collections into the
 * history (a committed transaction's changes at commit, under one cluster time), keeps them in
 * the data directory when there is one, and wakes the getMores waiting for events.
 */
export class ChangeStreamHub {
  private waiters = new Set<() => void>();
  private notifyScheduled = false;
  private buffered: ChangeEntry[] | null = null;
  private closed = false;
  private readonly observer: WriteObserver = (coll, op, before, after) =>
    this.observe(coll, op, before, after);

  constructor(
    readonly engine: Engine,
    readonly history: ChangeHistory,
    private readonly file: HistoryFile | null,
  ) {
    addWriteObserver(this.observer);
  }

  /** Registers a callback run (once per tick) after new events were appended; returns its remover. */
  onAppend(waiter: () => void): () => void {
    this.waiters.add(waiter);
    return () => this.waiters.delete(waiter);
  }

  /** The current version of a document, or null. */
  lookup(db: string, coll: string, id: unknown): Doc | null {
    const c = this.engine.databases.get(db)?.get(coll);
    if (!c) return null;
    const rid = ridById(c, id);
    return rid === undefined ? null : (c.docs.get(rid) ?? null);
  }

  noteDrop(db: string, coll: string): void {
    if (!isWatchable(db, coll)) return;
    this.record({ op: "drop", db, coll });
  }

  noteRename(from: { db: string; coll: string }, to: { db: string; coll: string }): void {
    if (!isWatchable(from.db, from.coll)) return;
    this.record({ op: "rename", db: from.db, coll: from.coll, to });
  }

  /** dropDatabase: a drop event per collection, then the dropDatabase event. */
  noteDropDatabase(db: string, collections: string[]): void {
    for (const coll of collections) this.noteDrop(db, coll);
    if (isWatchable(db, "")) this.record({ op: "dropDatabase", db });
  }

  /**
   * Runs a transaction's commit: its changes become events only if it succeeds, all at one
   * cluster time, in the order the transaction first wrote each document.
   */
  commit<T>(info: TransactionInfo, run: () => T): T {
    this.buffered = [];
    let events: ChangeEntry[];
    let result: T;
    try {
      result = run();
    } finally {
      events = this.buffered;
      this.buffered = null;
    }
    if (events.length > 0) {
      const rank = (e: ChangeEntry) => info.order.get(`${e.db}.${e.coll ?? ""}\0${idKey(e.id)}`) ?? Infinity;
      events.sort((a, b) => rank(a) - rank(b));
      const ts = this.history.nextClusterTime();
      const wallTime = new Date();
      events.forEach((e, op) => {
        e.pos = { t: ts.t, i: ts.i, op };
        e.wallTime = wallTime;
        e.lsid = info.lsid;
        e.txnNumber = info.txnNumber;
      });
      this.publish(events);
    }
    return result;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    removeWriteObserver(this.observer);
    this.file?.close();
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const w of waiters) w();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private observe(coll: Collection, op: ChangeOperation, before: Doc | null, after: Doc | null): void {
    if (this.closed || !isWatchable(coll.dbName, coll.name)) return;
    // Only this engine's live collections: not a transaction's workspace, not another engine.
    if (this.engine.databases.get(coll.dbName)?.get(coll.name) !== coll) return;
    const entry: Omit<ChangeEntry, "pos" | "wallTime"> = {
      op,
      db: coll.dbName,
      coll: coll.name,
      id: (after ?? before)?._id,
    };
    if (after) entry.after = after;
    if (before) entry.before = before;
    this.record(entry);
  }

  private record(partial: Omit<ChangeEntry, "pos" | "wallTime">): void {
    const entry = partial as ChangeEntry;
    if (this.buffered) {
      this.buffered.push(entry);
      return;
    }
    const ts = this.history.nextClusterTime();
    entry.pos = { t: ts.t, i: ts.i, op: 0 };
    entry.wallTime = new Date();
    this.publish([entry]);
  }

  private publish(events: ChangeEntry[]): void {
    this.history.append(events);
    if (this.file?.add(events)) this.file.rewrite(this.history.lostBefore, this.history.all());
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    // After the command that made the change has returned (and been journaled).
    queueMicrotask(() => {
      this.notifyScheduled = false;
      this.file?.flush();
      for (const w of [...this.waiters]) w();
    });
  }
}

/** mongod reports no changes of admin, config, local or system collections. */
function isWatchable(db: string, coll: string): boolean {
  if (db === "admin" || db === "config" || db === "local") return false;
  return !coll.startsWith("system.");
}
