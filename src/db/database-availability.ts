import {
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  type MongoClient,
} from "mongodb";

/**
 * Server error codes that mean "this server cannot serve now" rather than "this command is
 * wrong": shutdown in progress, not primary, host unreachable.
 */
const UNAVAILABLE_SERVER_CODES: ReadonlySet<number> = new Set([
  6, // HostUnreachable
  7, // HostNotFound
  89, // NetworkTimeout
  91, // ShutdownInProgress
  189, // PrimarySteppedDown
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
]);

/**
 * True for a driver error that says the database cannot be reached now (server selection,
 * network, a closed topology, a server shutting down), as opposed to a bad command. Such a
 * request is answered DATABASE_UNAVAILABLE (503, Retry-After), never INTERNAL_SERVER_ERROR.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  if (
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError
  ) {
    return true;
  }
  if (error instanceof MongoServerError && typeof error.code === "number") {
    return UNAVAILABLE_SERVER_CODES.has(error.code);
  }
  return false;
}

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
