import * as fs from "node:fs";
import * as path from "node:path";
import { deserialize, serialize } from "bson";
import { containsDecimal } from "../bson/contains-decimal";
import { HANDSHAKE_COMMANDS } from "../commands/handshake-commands";
import type { Collection } from "../storage/collection";
import type { Doc } from "../storage/doc";
import type { Engine } from "../storage/engine";
import { ridById } from "../transactions/find-by-id";
import { decodeSequence } from "./bson-sequence";
import {
  applyCatalog,
  catalogOf,
  encodeCatalog,
  hexOf,
  setUuid,
  uuidKey,
  type CatalogEntry,
} from "./catalog";
import { addFallbackSink, recordChanges, removeFallbackSink, type AppliedChange } from "./change-recorder";
import { frame, readFrames } from "./frames";

const SNAPSHOT = "snapshot.bson";
const JOURNAL = "journal.log";
/** Commands that never change the catalog (collections, options, indexes). */
const CATALOG_NEUTRAL = new Set([
  "insert",
  "update",
  "delete",
  "findAndModify",
  "findandmodify",
  "find",
  "getMore",
  "killCursors",
  "count",
  "distinct",
  ...HANDSHAKE_COMMANDS,
  "listCollections",
  "listIndexes",
  "listDatabases",
  "serverStatus",
  "dbStats",
  "collStats",
  "explain",
  "getParameter",
  "endSessions",
  "killSessions",
  "killAllSessions",
  "refreshSessions",
  "startSession",
  "abortTransaction",
]);
const SNAPSHOT_CHUNK_BYTES = 4 << 20;

export interface PersistenceOptions {
  /** Compact into a new snapshot once the journal grows past this many bytes (default 64 MiB). */
  compactBytes?: number;
}

/**
 * Durability for one engine: a snapshot plus an append-only journal. Every command's applied
 * changes (and, when the catalog changed, the whole catalog) form one checksummed record that is
 * written at once and fdatasync'd before the reply leaves, so an acknowledged write survives
 * SIGKILL or power loss. A committed transaction is one record. Start = load snapshot, replay the
 * intact journal prefix (a torn tail is cut off), then compact.
 *
 * Group commit: records are appended synchronously, in command order, but the fdatasync runs off
 * the event loop and covers every record appended before it started; the wire server holds each
 * reply until `durable()` says the records before it are on disk. Concurrent writers thus share
 * one fdatasync instead of queueing for one each.
 */
export class Persistence {
  private fd = -1;
  private seq = 0;
  private journalBytes = 0;
  private lastCatalog: Buffer = Buffer.alloc(0);
  private knownUuids = new Set<string>();
  private pending: AppliedChange[] = [];
  private flushScheduled = false;
  private readonly compactBytes: number;
  /** Records appended to the journal, and how many of them are known to be on disk. */
  private written = 0;
  private synced = 0;
  private syncRunning = false;
  private syncFailure: Error | undefined;
  private waiters: { upTo: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  /** fdatasync calls made (tests count them to show that writes share one). */
  syncCount = 0;

  /** Journal records appended, and how many of them are known to be on disk. */
  get records(): { appended: number; durable: number } {
    return { appended: this.written, durable: this.synced };
  }
  private readonly fallback = (change: AppliedChange): boolean => this.adopt(change);

  private constructor(
    readonly engine: Engine,
    readonly dir: string,
    options: PersistenceOptions,
  ) {
    this.compactBytes = options.compactBytes ?? 64 << 20;
  }

  static open(engine: Engine, dir: string, options: PersistenceOptions = {}): Persistence {
    const p = new Persistence(engine, dir, options);
    fs.mkdirSync(dir, { recursive: true });
    const replayed = p.load();
    p.fd = fs.openSync(path.join(dir, JOURNAL), "a");
    if (replayed) p.compact();
    else p.noteCatalog(encodeCatalog(catalogOf(engine)));
    addFallbackSink(p.fallback);
    return p;
  }

  /** Runs a command, journaling whatever it changed before returning its reply. */
  run<T>(name: string, fn: () => T): T {
    const changes: AppliedChange[] = [];
    try {
      return recordChanges((c) => changes.push(c), fn);
    } finally {
      this.write(changes, !CATALOG_NEUTRAL.has(name));
    }
  }

  close(): void {
    removeFallbackSink(this.fallback);
    if (this.fd < 0) return;
    this.flushPending();
    this.compact();
    fs.closeSync(this.fd);
    this.fd = -1;
  }

  /**
   * Undefined when every record appended so far is on disk; else a promise that settles once
   * they are (rejected if the fdatasync failed: nothing after it may be acknowledged).
   */
  durable(): Promise<void> | undefined {
    if (this.syncFailure) return Promise.reject(this.syncFailure);
    if (this.synced >= this.written) return undefined;
    const upTo = this.written;
    return new Promise((resolve, reject) => {
      this.waiters.push({ upTo, resolve, reject });
      this.requestSync();
    });
  }

  private requestSync(): void {
    if (this.syncRunning) return;
    this.syncRunning = true;
    // The rest of this turn's commands (other sockets' data events) join the same fdatasync.
    setImmediate(() => void this.syncLoop());
  }

  private async syncLoop(): Promise<void> {
    try {
      while (this.synced < this.written && this.fd >= 0) {
        const upTo = this.written;
        const fd = this.fd;
        this.syncCount++;
        await new Promise<void>((resolve, reject) =>
          fs.fdatasync(fd, (error) => (error ? reject(error) : resolve())),
        );
        this.markSynced(upTo);
      }
    } catch (error) {
      this.syncFailure = error as Error;
      for (const waiter of this.waiters) waiter.reject(this.syncFailure);
      this.waiters = [];
    } finally {
      this.syncRunning = false;
    }
  }

  private markSynced(upTo: number): void {
    if (upTo <= this.synced) return;
    this.synced = upTo;
    const still: typeof this.waiters = [];
    for (const waiter of this.waiters) {
      if (waiter.upTo <= upTo) waiter.resolve();
      else still.push(waiter);
    }
    this.waiters = still;
  }

  /** Changes made outside any command (TTL deletions): journaled on the next tick. */
  private adopt(change: AppliedChange): boolean {
    if (this.engine.databases.get(change.coll.dbName)?.get(change.coll.name) !== change.coll) return false;
    this.pending.push(change);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flushPending());
    }
    return true;
  }

  private flushPending(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0 || this.fd < 0) return;
    const changes = this.pending;
    this.pending = [];
    this.write(changes, false);
  }

  private write(changes: AppliedChange[], catalogMayChange: boolean): void {
    let catalog: Buffer | null = null;
    let check = catalogMayChange;
    if (!check) for (const c of changes) if (!this.knownUuids.has(uuidKey(c.coll))) check = true;
    if (check) {
      const now = encodeCatalog(catalogOf(this.engine));
      if (!now.equals(this.lastCatalog)) catalog = now;
    }
    if (changes.length === 0 && catalog === null) return;
    this.seq++;
    const head: Record<string, unknown> = { seq: this.seq, n: changes.length };
    const parts: Buffer[] = [Buffer.from(serialize(head))];
    if (catalog) parts.push(catalog);
    else parts.push(Buffer.from(serialize({})));
    for (const c of changes) {
      const rec: Record<string, unknown> = { u: c.coll.uuid, o: c.op, id: c.id };
      if (c.doc) rec.d = c.doc;
      parts.push(Buffer.from(serialize(rec)));
    }
    const bytes = frame(Buffer.concat(parts));
    fs.writeSync(this.fd, bytes);
    this.written++;
    this.journalBytes += bytes.length;
    if (catalog) this.noteCatalog(catalog);
    if (this.journalBytes > this.compactBytes) this.compact();
  }

  private noteCatalog(bytes: Buffer): void {
    this.lastCatalog = bytes;
    const { c } = deserialize(bytes) as { c: CatalogEntry[] };
    this.knownUuids = new Set(c.map((e) => hexOf(e.uuid)));
  }

  /** Loads snapshot and journal; true when the journal held records to fold into a new snapshot. */
  private load(): boolean {
    const snapPath = path.join(this.dir, SNAPSHOT);
    if (fs.existsSync(snapPath)) this.loadSnapshot(fs.readFileSync(snapPath));
    const logPath = path.join(this.dir, JOURNAL);
    if (!fs.existsSync(logPath)) return false;
    const buf = fs.readFileSync(logPath);
    const { payloads, end } = readFrames(buf);
    if (end < buf.length) fs.truncateSync(logPath, end);
    let replayed = false;
    for (const payload of payloads) {
      const [head, catalogDoc, ...changes] = decodeSequence(payload);
      const seq = Number(head.seq);
      if (seq <= this.seq) continue;
      this.seq = seq;
      replayed = true;
      if (Array.isArray(catalogDoc.c)) applyCatalog(this.engine, catalogDoc.c as CatalogEntry[]);
      this.replay(changes);
    }
    return replayed || end > 0;
  }

  private replay(changes: Record<string, unknown>[]): void {
    const byUuid = new Map<string, Collection>();
    for (const db of this.engine.databases.values()) {
      for (const coll of db.collections.values()) byUuid.set(uuidKey(coll), coll);
    }
    for (const c of changes) {
      const coll = byUuid.get(hexOf(c.u));
      if (!coll) continue;
      if (c.o === "i") {
        coll.apply({ op: "insert", doc: c.d as Doc });
        continue;
      }
      const rid = ridById(coll, c.id);
      if (rid === undefined) continue;
      if (c.o === "u") coll.apply({ op: "update", rid, doc: c.d as Doc });
      else coll.apply({ op: "delete", rid });
    }
  }

  private loadSnapshot(buf: Buffer): void {
    const { payloads } = readFrames(buf);
    if (payloads.length === 0) return;
    const [head] = decodeSequence(payloads[0]);
    this.seq = Number(head.seq);
    const catalog = head.catalog as CatalogEntry[];
    const byUuid = new Map<string, Collection>();
    const pendingIndexes = new Map<Collection, CatalogEntry>();
    for (const entry of catalog) {
      const coll = this.engine.db(entry.db).getOrCreate(entry.name, { ...entry.options });
      setUuid(coll, hexOf(entry.uuid));
      byUuid.set(hexOf(entry.uuid), coll);
      pendingIndexes.set(coll, entry);
    }
    for (let i = 1; i < payloads.length; i++) {
      const [chunk, ...docs] = decodeSequence(payloads[i]);
      const coll = byUuid.get(hexOf(chunk.u));
      if (!coll) continue;
      for (const doc of docs) {
        coll.docs.set(coll.nextRid++, doc);
        for (const key of Object.keys(doc)) if (containsDecimal(doc[key])) coll.decimalFields.add(key);
      }
    }
    // Indexes are built once over the loaded documents (the _id index is rebuilt in place).
    for (const [coll, entry] of pendingIndexes) for (const spec of entry.indexes) coll.addIndex(spec);
  }

  /** Writes a new snapshot (temp file, fsync, rename, fsync dir), then empties the journal. */
  compact(): void {
    const tmp = path.join(this.dir, `${SNAPSHOT}.tmp`);
    const catalog = catalogOf(this.engine);
    const fd = fs.openSync(tmp, "w");
    try {
      fs.writeSync(fd, frame(Buffer.concat([Buffer.from(serialize({ seq: this.seq, catalog }))])));
      for (const db of this.engine.databases.values()) {
        for (const coll of db.collections.values()) {
          let batch: Buffer[] = [];
          let bytes = 0;
          const flush = () => {
            if (batch.length === 0) return;
            const head = Buffer.from(serialize({ u: coll.uuid }));
            fs.writeSync(fd, frame(Buffer.concat([head, ...batch])));
            batch = [];
            bytes = 0;
          };
          for (const doc of coll.docs.values()) {
            const b = Buffer.from(serialize(doc));
            batch.push(b);
            bytes += b.length;
            if (bytes > SNAPSHOT_CHUNK_BYTES) flush();
          }
          flush();
        }
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, path.join(this.dir, SNAPSHOT));
    fsyncDir(this.dir);
    if (this.fd >= 0) {
      fs.ftruncateSync(this.fd, 0);
      fs.fsyncSync(this.fd);
    }
    this.journalBytes = 0;
    this.noteCatalog(encodeCatalog(catalog));
    // The fsync'd snapshot holds every record written so far.
    this.markSynced(this.written);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  }
}

const registry = new WeakMap<Engine, Persistence>();

export function attachPersistence(engine: Engine, dir: string, options?: PersistenceOptions): Persistence {
  const p = Persistence.open(engine, dir, options);
  registry.set(engine, p);
  return p;
}

export function persistenceOf(engine: Engine): Persistence | undefined {
  return registry.get(engine);
}
