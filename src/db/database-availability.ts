import type { MongoClient } from "mongodb";
import { isDatabaseUnavailableError } from "../errors/database-unavailable";

/** A start-up step that needs the database (ensuring indexes, say). */
export type ReadinessStep = () => Promise<void>;

/**
 * Start-up without a database: the steps that need it (connect, indexes) run now when the
 * database answers, and otherwise in the background, every `retryMs`, until they succeed.
 * Until then `ready` is false: /readyz answers 503 and GraphQL requests DATABASE_UNAVAILABLE.
 */
export class DatabaseReadiness {
  private readonly pending: ReadinessStep[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly client: MongoClient,
    private readonly onRetryFailure: (error: unknown) => void = () => undefined,
    private readonly retryMs = 1_000,
  ) {}

  /** True once every step has succeeded. */
  get ready(): boolean {
    return this.pending.length === 0;
  }

  /**
   * Runs `step` now if nothing is pending, else queues it. An outage queues the step for
   * the background retry; any other error is thrown (a bug or a bad configuration).
   */
  async add(step: ReadinessStep): Promise<void> {
    if (this.pending.length > 0) {
      this.pending.push(step);
      return;
    }
    try {
      await step();
    } catch (error) {
      if (!isDatabaseUnavailableError(error)) throw error;
      this.pending.push(step);
      this.schedule();
    }
  }

  /** Stops retrying (the gateway is stopping). */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  /** Waits for a background attempt in progress (tests and shutdown). */
  async settled(): Promise<void> {
    await this.running;
  }

  private schedule(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.retry().finally(() => (this.running = undefined));
    }, this.retryMs);
    this.timer.unref();
  }

  private async retry(): Promise<void> {
    try {
      // A first connect that failed leaves a closed topology behind; connect() makes a new one.
      await this.client.connect();
      while (this.pending.length > 0 && !this.closed) {
        await this.pending[0]!();
        this.pending.shift();
      }
    } catch (error) {
      this.onRetryFailure(error);
      this.schedule();
    }
  }
}
