import { Long, serialize } from "bson";
import { CommandError } from "../errors/command-error";
import type { Doc } from "../storage/doc";
import { composeCursorReply } from "../wire/compose-cursor-reply";
import { MAX_BSON_SIZE } from "../wire/op-codes";
import type { ServerCursor } from "./server-cursor";

/** Room left in a 16 MiB reply for the envelope around the batch. */
const MAX_BATCH_BYTES = MAX_BSON_SIZE - 64 * 1024;
export const DEFAULT_FIRST_BATCH = 101;
export const DEFAULT_CURSOR_TIMEOUT_MS = 10 * 60 * 1000;

export interface OpenCursorOptions {
  batchSize?: number;
  singleBatch?: boolean;
  noCursorTimeout?: boolean;
}

/**
 * Owns server-side cursors: builds batches (serializing each document once, within the 16 MiB
 * reply limit), hands out int64 ids, and expires idle cursors.
 */
export class CursorManager {
  private readonly cursors = new Map<string, ServerCursor>();
  private nextId = Math.floor(Math.random() * 2 ** 40) + 1;
  private readonly timer: NodeJS.Timeout;

  constructor(readonly timeoutMs: number = DEFAULT_CURSOR_TIMEOUT_MS) {
    this.timer = setInterval(() => this.sweep(), Math.max(50, Math.min(timeoutMs / 2, 60_000)));
    this.timer.unref();
  }

  get openCount(): number {
    return this.cursors.size;
  }

  /** The open cursors (for $currentOp with idleCursors: true). */
  openCursors(): ServerCursor[] {
    return [...this.cursors.values()];
  }

  /** Runs the first batch; the cursor stays open only if documents remain. */
  open(ns: string, source: Iterator<Doc>, options: OpenCursorOptions = {}): Buffer {
    const cursor: ServerCursor = {
      id: Long.ZERO,
      key: "",
      ns,
      source,
      pending: [],
      lastUsed: Date.now(),
      noTimeout: options.noCursorTimeout === true,
    };
    const limit = batchLimit(options.batchSize, DEFAULT_FIRST_BATCH);
    const { docs, exhausted } = this.takeBatch(cursor, limit);
    if (exhausted || options.singleBatch) {
      closeSource(cursor);
      return composeCursorReply("firstBatch", docs, Long.ZERO, ns);
    }
    cursor.id = Long.fromNumber(this.nextId++);
    cursor.key = cursor.id.toString();
    this.cursors.set(cursor.key, cursor);
    return composeCursorReply("firstBatch", docs, cursor.id, ns);
  }

  /** Registers a cursor whose batches its owner builds (a change stream); it gets an id at once. */
  register(ns: string, source: Iterator<Doc>, survivesDrop = false): ServerCursor {
    const id = Long.fromNumber(this.nextId++);
    const cursor: ServerCursor = {
      id,
      key: id.toString(),
      ns,
      source,
      pending: [],
      lastUsed: Date.now(),
      noTimeout: false,
      survivesDrop,
    };
    this.cursors.set(cursor.key, cursor);
    return cursor;
  }

  get(id: Long): ServerCursor | undefined {
    return this.cursors.get(id.toString());
  }

  getMore(id: Long, ns: string, batchSize?: number): Buffer {
    const key = id.toString();
    const cursor = this.cursors.get(key);
    if (!cursor) throw new CommandError(43, `cursor id ${key} not found`);
    if (cursor.ns !== ns) {
      throw new CommandError(
        13,
        `Requested getMore on namespace '${ns}', but cursor belongs to '${cursor.ns}'`,
      );
    }
    cursor.lastUsed = Date.now();
    let batch: { docs: Uint8Array[]; exhausted: boolean };
    try {
      batch = this.takeBatch(cursor, batchLimit(batchSize, Infinity));
    } catch (err) {
      this.cursors.delete(key);
      throw err;
    }
    if (batch.exhausted) {
      this.cursors.delete(key);
      closeSource(cursor);
      return composeCursorReply("nextBatch", batch.docs, Long.ZERO, ns);
    }
    return composeCursorReply("nextBatch", batch.docs, cursor.id, ns);
  }

  kill(ids: Long[]): { cursorsKilled: Long[]; cursorsNotFound: Long[] } {
    const cursorsKilled: Long[] = [];
    const cursorsNotFound: Long[] = [];
    for (const id of ids) {
      const cursor = this.cursors.get(id.toString());
      if (cursor) {
        this.cursors.delete(cursor.key);
        closeSource(cursor);
        cursorsKilled.push(id);
      } else cursorsNotFound.push(id);
    }
    return { cursorsKilled, cursorsNotFound };
  }

  /** Drops cursors over a collection that no longer exists (drop, rename). */
  killNamespace(ns: string): void {
    for (const cursor of this.cursors.values()) {
      if (cursor.ns === ns && !cursor.survivesDrop) {
        this.cursors.delete(cursor.key);
        closeSource(cursor);
      }
    }
  }

  sweep(now = Date.now()): void {
    for (const cursor of this.cursors.values()) {
      if (!cursor.noTimeout && now - cursor.lastUsed > this.timeoutMs) {
        this.cursors.delete(cursor.key);
        closeSource(cursor);
      }
    }
  }

  close(): void {
    clearInterval(this.timer);
    for (const cursor of this.cursors.values()) closeSource(cursor);
    this.cursors.clear();
  }

  private takeBatch(cursor: ServerCursor, limit: number): { docs: Uint8Array[]; exhausted: boolean } {
    const docs: Uint8Array[] = [];
    let bytes = 0;
    while (docs.length < limit) {
      const doc = this.next(cursor);
      if (doc === undefined) return { docs, exhausted: true };
      const bson = serialize(doc);
      if (docs.length > 0 && bytes + bson.length > MAX_BATCH_BYTES) {
        cursor.pending.unshift(doc);
        return { docs, exhausted: false };
      }
      docs.push(bson);
      bytes += bson.length;
    }
    // Peek so an exhausted cursor reports id 0 right away, as mongod does.
    const peek = this.next(cursor);
    if (peek === undefined) return { docs, exhausted: true };
    cursor.pending.unshift(peek);
    return { docs, exhausted: false };
  }

  private next(cursor: ServerCursor): Doc | undefined {
    if (cursor.pending.length > 0) return cursor.pending.shift();
    const r = cursor.source.next();
    return r.done ? undefined : r.value;
  }
}

function batchLimit(batchSize: number | undefined, fallback: number): number {
  if (typeof batchSize !== "number" || batchSize < 0) return fallback;
  if (batchSize === 0) return fallback === Infinity ? Infinity : 0;
  return batchSize;
}

function closeSource(cursor: ServerCursor): void {
  try {
    cursor.source.return?.();
  } catch {
    // a generator that throws while closing has nothing left to release
  }
}
