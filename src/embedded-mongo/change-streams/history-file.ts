import * as fs from "node:fs";
import * as path from "node:path";
import { serialize } from "bson";
import { decodeSequence } from "../persistence/bson-sequence";
import { frame, readFrames } from "../persistence/frames";
import type { Doc } from "../storage/doc";
import type { ChangeEntry, ChangeOperation } from "./change-entry";
import { comparePositions, type ChangePosition } from "./change-position";

const FILE = "change-history.bson";

/** What a data directory held of the change history at start. */
export interface LoadedHistory {
  lostBefore: ChangePosition | null;
  entries: ChangeEntry[];
}

/**
 * The change history kept in `DIR/change-history.bson` so that resume tokens survive a restart:
 * checksummed frames, one per event, after a first frame holding `lostBefore`. Events are
 * appended (written, not fsync'd: the page cache survives a killed process) and the file is
 * rewritten with only the retained events once as many events again have been appended.
 */
export class HistoryFile {
  private fd = -1;
  private appended = 0;
  private pending: Buffer[] = [];

  constructor(
    private readonly dir: string,
    private readonly capacity: number,
  ) {}

  load(): LoadedHistory {
    const file = path.join(this.dir, FILE);
    if (!fs.existsSync(file)) return { lostBefore: null, entries: [] };
    const { payloads } = readFrames(fs.readFileSync(file));
    let lostBefore: ChangePosition | null = null;
    const entries: ChangeEntry[] = [];
    for (const payload of payloads) {
      const [rec] = decodeSequence(payload);
      if (rec.lostBefore) lostBefore = positionOf(rec.lostBefore);
      else {
        const entry = entryOf(rec);
        const last = entries[entries.length - 1];
        if (!last || comparePositions(entry.pos, last.pos) > 0) entries.push(entry);
      }
    }
    return { lostBefore, entries };
  }

  /** Rewrites the file with exactly these events (temp file, then rename) and keeps it open. */
  rewrite(lostBefore: ChangePosition, entries: ChangeEntry[]): void {
    this.closeFd();
    // What was queued is among `entries`.
    this.pending = [];
    const file = path.join(this.dir, FILE);
    const tmp = `${file}.tmp`;
    const parts = [frame(Buffer.from(serialize({ lostBefore })))];
    for (const e of entries) parts.push(encodeEntry(e));
    fs.writeFileSync(tmp, Buffer.concat(parts));
    fs.renameSync(tmp, file);
    this.fd = fs.openSync(file, "a");
    this.appended = 0;
  }

  /** Queues events for the next flush; true when the file is due to be rewritten. */
  add(entries: ChangeEntry[]): boolean {
    for (const e of entries) this.pending.push(encodeEntry(e));
    this.appended += entries.length;
    return this.appended > this.capacity;
  }

  flush(): void {
    if (this.pending.length === 0 || this.fd < 0) return;
    fs.writeSync(this.fd, Buffer.concat(this.pending));
    this.pending = [];
  }

  close(): void {
    this.flush();
    this.closeFd();
  }

  private closeFd(): void {
    if (this.fd >= 0) fs.closeSync(this.fd);
    this.fd = -1;
  }
}

function encodeEntry(e: ChangeEntry): Buffer {
  const rec: Record<string, unknown> = { p: e.pos, w: e.wallTime, o: e.op, db: e.db };
  if (e.coll !== undefined) rec.c = e.coll;
  if (e.id !== undefined) rec.id = e.id;
  if (e.after !== undefined) rec.a = e.after;
  if (e.before !== undefined) rec.b = e.before;
  if (e.to !== undefined) rec.to = e.to;
  if (e.lsid !== undefined) rec.lsid = e.lsid;
  if (e.txnNumber !== undefined) rec.txn = e.txnNumber;
  return frame(Buffer.from(serialize(rec)));
}

function positionOf(v: unknown): ChangePosition {
  const p = v as Record<string, unknown>;
  return { t: Number(p.t), i: Number(p.i), op: Number(p.op) };
}

function entryOf(rec: Record<string, unknown>): ChangeEntry {
  const e: ChangeEntry = {
    pos: positionOf(rec.p),
    wallTime: rec.w as Date,
    op: rec.o as ChangeOperation,
    db: rec.db as string,
  };
  if (rec.c !== undefined) e.coll = rec.c as string;
  if (rec.id !== undefined) e.id = rec.id;
  if (rec.a !== undefined) e.after = rec.a as Doc;
  if (rec.b !== undefined) e.before = rec.b as Doc;
  if (rec.to !== undefined) e.to = rec.to as { db: string; coll: string };
  if (rec.lsid !== undefined) e.lsid = rec.lsid;
  if (rec.txn !== undefined) e.txnNumber = rec.txn;
  return e;
}
