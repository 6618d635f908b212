/** A timer handle of a {@link LiveClock}. */
export type LiveTimer = { readonly __liveTimer: true } | NodeJS.Timeout;

/**
 * The time source of the live machinery: token expiry, polling and coalescing all go
 * through it, so tests can move time forward instead of waiting for it. A callback may
 * return a promise; a test clock awaits it before firing the next timer.
 */
export interface LiveClock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void | Promise<unknown>, ms: number): LiveTimer;
  clearTimeout(timer: LiveTimer): void;
}

/** The real clock: Date.now and Node's timers (unref'd: they never keep a process alive). */
export const systemClock: LiveClock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const timer = setTimeout(() => {
      void Promise.resolve()
        .then(callback)
        .catch(() => undefined);
    }, ms);
    timer.unref();
    return timer;
  },
  clearTimeout(timer) {
    clearTimeout(timer as NodeJS.Timeout);
  },
};
