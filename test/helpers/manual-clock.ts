import type { LiveClock, LiveTimer } from "../../src/live/live-clock";

interface Pending {
  id: number;
  due: number;
  callback: () => void | Promise<unknown>;
}

/**
 * A clock that moves only when the test says so: `advance(ms)` fires every timer due
 * by then, in order, awaiting each callback (and the timers those set), so after it
 * returns every poll and recomputation it caused has finished.
 */
export class ManualClock implements LiveClock {
  private current: number;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(start = Date.now()) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void | Promise<unknown>, ms: number): LiveTimer {
    const id = this.nextId++;
    this.pending.set(id, { id, due: this.current + Math.max(0, ms), callback });
    return { __liveTimer: true, id } as unknown as LiveTimer;
  }

  clearTimeout(timer: LiveTimer): void {
    this.pending.delete((timer as unknown as { id: number }).id);
  }

  /** Number of timers waiting. */
  get timers(): number {
    return this.pending.size;
  }

  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    while (true) {
      const next = [...this.pending.values()]
        .filter((timer) => timer.due <= target)
        .sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (!next) break;
      this.pending.delete(next.id);
      this.current = Math.max(this.current, next.due);
      await next.callback();
    }
    this.current = target;
  }
}
