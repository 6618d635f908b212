import type { Db } from "mongodb";
import { type LiveClock, type LiveTimer, systemClock } from "../live/live-clock";
import { refreshRollups, type RefreshRollupsResult } from "../operations/refresh-rollups";
import type { RollupsConfig } from "./rollups-config";

/**
 * The gateway's rollup refresh: once at start, then every ROLLUP_REFRESH_SECONDS, on the
 * injected clock (unref'd timers on the system clock). A run skips when another gateway
 * copy holds the lease; a failure is reported and the next period tries again.
 */
export class RollupRefresher {
  private readonly clock: LiveClock;
  private timer: LiveTimer | undefined;
  private running: Promise<RefreshRollupsResult | undefined> | undefined;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly config: RollupsConfig,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.clock = config.clock ?? systemClock;
  }

  /** Schedules the first refresh at once and the next ones every period. */
  start(): void {
    this.schedule(0);
  }

  /**
   * One refresh now (joins a running one). Resolves with its result, or undefined when it
   * failed (reported through onError) or the refresher is stopped.
   */
  refreshNow(): Promise<RefreshRollupsResult | undefined> {
    if (this.stopped) return Promise.resolve(undefined);
    this.running ??= refreshRollups(this.db, {
      now: new Date(this.clock.now()),
      lookbackMs: this.config.lookbackMs,
      afterLease: this.config.afterLease,
    })
      .catch((error: unknown) => {
        if (!this.stopped) this.onError(error);
        return undefined;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /**
   * Stops the timer and waits for a refresh in progress, at most `graceMs` (so that it can
   * release its lease; past that, shutdown goes on and the lease expires by itself).
   */
  async stop(graceMs = 2_000): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.running) return;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
      timer.unref();
    });
    await Promise.race([this.running, grace]);
    clearTimeout(timer);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = this.clock.setTimeout(async () => {
      this.timer = undefined;
      await this.refreshNow();
      this.schedule(this.config.refreshSeconds * 1000);
    }, ms);
  }
}
