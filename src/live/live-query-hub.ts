import { isDeepStrictEqual } from "node:util";
import type { FastifyBaseLogger } from "fastify";
import { EventQueue } from "./event-queue";
import type { ChangeFeed, LiveChange, WatchedCollection } from "./live-change";
import type { LiveClock, LiveTimer } from "./live-clock";

/** One live result: how to compute it and which changes make it stale. */
export interface LiveQuery<T> {
  /** Equal keys share one computation: the field name plus its normalised arguments. */
  key: string;
  collections: readonly WatchedCollection[];
  compute(): Promise<T>;
  /** Whether a change can affect the result (default: every change of the collections). */
  affectedBy?(change: LiveChange): boolean;
  /** A result after which nothing more will come (e.g. the case was deleted). */
  isFinal?(value: T): boolean;
}

interface Entry {
  query: LiveQuery<unknown>;
  subscribers: Set<EventQueue<unknown>>;
  /** The newest result, once there is one. */
  latest: { value: unknown } | undefined;
  /** The first computation, which every early subscriber waits for. */
  first: Promise<unknown>;
  lastRunAt: number;
  timer: LiveTimer | undefined;
  running: boolean;
  dirty: boolean;
  finished: boolean;
  unlisten: Array<() => void>;
}

export interface LiveQueryHubOptions {
  feed: ChangeFeed;
  clock: LiveClock;
  /** LIVE_MIN_INTERVAL_MS: at most one recomputation per key per this many milliseconds. */
  minIntervalMs: number;
  log: FastifyBaseLogger;
}

/**
 * Live results multiplexed onto shared recomputations: subscribers with the same key
 * share one entry; a relevant change marks it stale, and it is recomputed at most once
 * per `minIntervalMs` (changes in between coalesce into the next run). A result equal
 * to the previous one is not sent again. The last subscriber leaving drops the entry
 * and its listeners.
 */
export class LiveQueryHub {
  private readonly entries = new Map<string, Entry>();
  /** Computations run so far (the first ones included), for benchmarks and logs. */
  recomputations = 0;

  constructor(private readonly options: LiveQueryHubOptions) {}

  /** Number of distinct live results being kept up to date. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Subscribes to a live result. Resolves once the first result is ready (so an error
   * of the first computation, e.g. a bad argument, rejects here), with a stream that
   * yields it and every later different result.
   */
  async subscribe<T>(query: LiveQuery<T>): Promise<AsyncGenerator<T, void, undefined>> {
    let entry = this.entries.get(query.key);
    if (!entry) {
      entry = await this.createEntry(query as LiveQuery<unknown>);
    }
    await entry.first;
    const current = entry;
    const queue: EventQueue<unknown> = new EventQueue<unknown>({
      latestOnly: true,
      onClose: () => this.leave(current, queue),
    });
    current.subscribers.add(queue);
    if (current.latest) queue.push(current.latest.value);
    if (current.finished) queue.end();
    return queue.stream() as AsyncGenerator<T, void, undefined>;
  }

  /** Recomputes every live result once (after the change feed lost track of changes). */
  resyncAll(): void {
    for (const entry of this.entries.values()) this.markStale(entry);
  }

  /** Ends every subscription (the server is stopping). */
  close(): void {
    for (const entry of [...this.entries.values()]) {
      for (const queue of [...entry.subscribers]) queue.end();
      this.drop(entry);
    }
  }

  private async createEntry(query: LiveQuery<unknown>): Promise<Entry> {
    const entry: Entry = {
      query,
      subscribers: new Set(),
      latest: undefined,
      first: Promise.resolve(),
      lastRunAt: this.options.clock.now(),
      timer: undefined,
      running: true,
      dirty: false,
      finished: false,
      unlisten: [],
    };
    this.entries.set(query.key, entry);
    entry.first = (async () => {
      try {
        // Listen first: whatever changes after this point is reported, and the first
        // computation below already sees everything before it.
        for (const collection of query.collections) {
          entry.unlisten.push(
            await this.options.feed.listen(collection, (change) => {
              if (change.type === "resync" || !query.affectedBy || query.affectedBy(change))
                this.markStale(entry);
            }),
          );
        }
        entry.lastRunAt = this.options.clock.now();
        this.recomputations += 1;
        const value = await query.compute();
        entry.latest = { value };
        entry.finished = query.isFinal?.(value) ?? false;
      } catch (error) {
        this.drop(entry);
        throw error;
      } finally {
        entry.running = false;
      }
      if (entry.finished) this.drop(entry);
      else if (entry.dirty) this.schedule(entry);
    })();
    // Nobody may be waiting yet when it fails; the subscriber's await reports it.
    entry.first.catch(() => undefined);
    return entry;
  }

  private markStale(entry: Entry): void {
    if (entry.finished) return;
    entry.dirty = true;
    if (!entry.running && !entry.timer) this.schedule(entry);
  }

  private schedule(entry: Entry): void {
    const delay = Math.max(0, entry.lastRunAt + this.options.minIntervalMs - this.options.clock.now());
    entry.timer = this.options.clock.setTimeout(() => {
      entry.timer = undefined;
      return this.run(entry);
    }, delay);
  }

  private async run(entry: Entry): Promise<void> {
    if (!this.entries.has(entry.query.key) || this.entries.get(entry.query.key) !== entry) return;
    entry.running = true;
    entry.dirty = false;
    entry.lastRunAt = this.options.clock.now();
    this.recomputations += 1;
    try {
      const value = await entry.query.compute();
      if (this.entries.get(entry.query.key) !== entry) return;
      if (!entry.latest || !isDeepStrictEqual(entry.latest.value, value)) {
        entry.latest = { value };
        for (const queue of entry.subscribers) queue.push(value);
      }
      if (entry.query.isFinal?.(value)) {
        entry.finished = true;
        for (const queue of [...entry.subscribers]) queue.end();
        this.drop(entry);
      }
    } catch (error) {
      // Subscribers keep their last result; the next change tries again.
      this.options.log.warn({ err: error, key: entry.query.key }, "live: recomputation failed");
    } finally {
      entry.running = false;
    }
    if (entry.subscribers.size === 0) this.drop(entry);
    else if (entry.dirty && !entry.finished) this.schedule(entry);
  }

  private leave(entry: Entry, queue: EventQueue<unknown>): void {
    entry.subscribers.delete(queue);
    if (entry.subscribers.size === 0 && !entry.running) this.drop(entry);
  }

  private drop(entry: Entry): void {
    if (this.entries.get(entry.query.key) === entry) this.entries.delete(entry.query.key);
    if (entry.timer) this.options.clock.clearTimeout(entry.timer);
    entry.timer = undefined;
    for (const unlisten of entry.unlisten.splice(0)) unlisten();
  }
}
