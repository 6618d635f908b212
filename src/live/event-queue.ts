/**
 * A push queue read as an async generator: what one subscriber receives. With
 * `latestOnly`, a value not yet read is replaced by a newer one (a slow client of a
 * live result gets the newest result, not a backlog); otherwise values queue up to
 * `capacity`, and past it the subscription ends with an error rather than eating memory.
 */
export class EventQueue<T> {
  private readonly values: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private failWaiting: ((error: unknown) => void) | undefined;
  private ended = false;
  private failure: { error: unknown } | undefined;
  private closed = false;

  constructor(private readonly options: { latestOnly: boolean; capacity?: number; onClose: () => void }) {}

  push(value: T): void {
    if (this.ended) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.clearWaiting();
      resolve({ value, done: false });
      return;
    }
    if (this.options.latestOnly) this.values.length = 0;
    this.values.push(value);
    if (this.values.length > (this.options.capacity ?? Number.POSITIVE_INFINITY)) {
      this.fail(new Error("The subscriber reads too slowly: too many undelivered events"));
    }
  }

  /** Ends the stream after the values already queued. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.waiting && this.values.length === 0) {
      const resolve = this.waiting;
      this.clearWaiting();
      resolve({ value: undefined, done: true });
    }
  }

  /** Ends the stream with an error (after the values already queued). */
  fail(error: unknown): void {
    if (this.ended) return;
    this.failure = { error };
    this.ended = true;
    if (this.failWaiting) {
      const reject = this.failWaiting;
      this.clearWaiting();
      reject(error);
    }
  }

  /**
   * The subscriber's side. `return()` (the client unsubscribed or disconnected) calls
   * onClose once, whether or not anything was read yet.
   */
  stream(): AsyncGenerator<T, void, undefined> {
    const close = (): void => {
      if (this.closed) return;
      this.closed = true;
      this.ended = true;
      this.values.length = 0;
      if (this.waiting) {
        const resolve = this.waiting;
        this.clearWaiting();
        resolve({ value: undefined, done: true });
      }
      this.options.onClose();
    };
    const iterator: AsyncGenerator<T, void, undefined> = {
      next: async (): Promise<IteratorResult<T, void>> => {
        if (this.values.length > 0) return { value: this.values.shift() as T, done: false };
        if (this.failure) {
          const { error } = this.failure;
          close();
          throw error;
        }
        if (this.ended) {
          close();
          return { value: undefined, done: true };
        }
        const next = await new Promise<IteratorResult<T>>((resolve, reject) => {
          this.waiting = resolve;
          this.failWaiting = (error) => {
            close();
            reject(error);
          };
        });
        if (next.done) close();
        return next.done ? { value: undefined, done: true } : next;
      },
      return: async (): Promise<IteratorResult<T, void>> => {
        close();
        return { value: undefined, done: true };
      },
      throw: async (error: unknown): Promise<IteratorResult<T, void>> => {
        close();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  private clearWaiting(): void {
    this.waiting = undefined;
    this.failWaiting = undefined;
  }
}
