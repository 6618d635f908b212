/** A request waiting for a slot. */
interface Waiter {
  permits: number;
  grant: () => void;
}

/**
 * A counting semaphore with a bounded queue: at most `maxRunning` permits are held at once,
 * at most `maxQueued` callers wait for them, and anyone beyond is refused at once. Used for
 * MAX_IN_FLIGHT_REQUESTS / MAX_QUEUED_REQUESTS and for MAX_CONCURRENT_AGGREGATIONS.
 */
export class AdmissionControl {
  private running = 0;
  private readonly queue: Waiter[] = [];

  constructor(
    readonly maxRunning: number,
    readonly maxQueued: number,
  ) {}

  /** Permits held and callers waiting now. */
  stats(): { running: number; queued: number } {
    return { running: this.running, queued: this.queue.length };
  }

  /**
   * Asks for `permits` (capped at maxRunning). Returns undefined when refused (queue full);
   * otherwise a ticket whose `granted` resolves once the permits are held. `release()` frees
   * them (or leaves the queue); calling it more than once does nothing.
   */
  tryAcquire(permits = 1): { granted: Promise<void>; release: () => void } | undefined {
    const wanted = Math.min(Math.max(1, permits), this.maxRunning);
    let state: "waiting" | "held" | "done" = "waiting";
    let waiter: Waiter | undefined;
    const release = () => {
      if (state === "held") {
        this.running -= wanted;
        this.drain();
      } else if (state === "waiting" && waiter) {
        const at = this.queue.indexOf(waiter);
        if (at >= 0) this.queue.splice(at, 1);
        // The head may have been the one blocking smaller requests behind it.
        this.drain();
      }
      state = "done";
    };
    if (this.queue.length === 0 && this.running + wanted <= this.maxRunning) {
      this.running += wanted;
      state = "held";
      return { granted: Promise.resolve(), release };
    }
    if (this.queue.length >= this.maxQueued) return undefined;
    const granted = new Promise<void>((resolve) => {
      waiter = {
        permits: wanted,
        grant: () => {
          state = "held";
          resolve();
        },
      };
    });
    this.queue.push(waiter!);
    return { granted, release };
  }

  private drain(): void {
    while (this.queue.length > 0 && this.running + this.queue[0]!.permits <= this.maxRunning) {
      const next = this.queue.shift()!;
      this.running += next.permits;
      next.grant();
    }
  }
}
