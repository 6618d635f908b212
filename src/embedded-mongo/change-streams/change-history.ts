import type { ChangeEntry } from "./change-entry";
import { comparePositions, type ChangePosition } from "./change-position";

/** Default number of events the history keeps (the engine option changeHistorySize). */
export const DEFAULT_CHANGE_HISTORY_SIZE = 10_000;

/**
 * The bounded in-memory change log (the engine's oplog): events in position order, the oldest
 * dropped once more than `capacity` are held. `lostBefore` is the newest position no longer
 * known, so a stream may resume from any position at or after it.
 */
export class ChangeHistory {
  private entries: ChangeEntry[] = [];
  private head = 0;
  private lastT: number;
  private lastI: number;

  constructor(
    readonly capacity: number,
    public lostBefore: ChangePosition,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.lastT = lostBefore.t;
    this.lastI = lostBefore.i;
  }

  get size(): number {
    return this.entries.length - this.head;
  }

  /** The position of the newest event (or lostBefore when there is none). */
  get newest(): ChangePosition {
    return this.size > 0 ? this.entries[this.entries.length - 1].pos : this.lostBefore;
  }

  /** The next cluster time: wall-clock seconds, with an increment within a second. */
  nextClusterTime(): { t: number; i: number } {
    const t = Math.max(Math.floor(this.nowMs() / 1000), this.lastT);
    this.lastI = t === this.lastT ? this.lastI + 1 : 1;
    this.lastT = t;
    return { t, i: this.lastI };
  }

  /** The newest cluster time handed out (operationTime of replies). */
  get clusterTime(): { t: number; i: number } {
    return { t: this.lastT, i: this.lastI };
  }

  /** Appends events (positions increasing), evicting the oldest beyond capacity. */
  append(events: ChangeEntry[]): void {
    for (const e of events) {
      this.entries.push(e);
      if (comparePositions(e.pos, { t: this.lastT, i: this.lastI, op: 0 }) > 0) {
        this.lastT = e.pos.t;
        this.lastI = e.pos.i;
      }
    }
    const excess = this.size - this.capacity;
    if (excess > 0) {
      this.head += excess;
      this.lostBefore = this.entries[this.head - 1].pos;
      if (this.head > 1024 && this.head > this.entries.length / 2) {
        this.entries = this.entries.slice(this.head);
        this.head = 0;
      }
    }
  }

  /** The retained events, oldest first. */
  all(): ChangeEntry[] {
    return this.entries.slice(this.head);
  }

  /** Index (for `at`) of the first event after `pos`. */
  indexAfter(pos: ChangePosition): number {
    let lo = this.head;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comparePositions(this.entries[mid].pos, pos) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The event at an index from indexAfter, or undefined past the end (or if evicted meanwhile). */
  at(index: number): ChangeEntry | undefined {
    return index >= this.head ? this.entries[index] : undefined;
  }

  /** The event exactly at `pos`, if retained. */
  find(pos: ChangePosition): ChangeEntry | undefined {
    const idx = this.indexAfter(pos) - 1;
    const e = idx >= this.head ? this.entries[idx] : undefined;
    return e && comparePositions(e.pos, pos) === 0 ? e : undefined;
  }

  /** True when events after `pos` may have been dropped from the history. */
  lost(pos: ChangePosition): boolean {
    return comparePositions(pos, this.lostBefore) < 0;
  }
}
