import type { Db } from "mongodb";
import type { FastifyBaseLogger } from "fastify";
import type { LiveChangeListener, WatchedCollection } from "./live-change";
import type { LiveClock, LiveTimer } from "./live-clock";
import { ListenerSet } from "./listener-set";

/** What a feed keeps per watched collection; `ready` settles once the collection is watched. */
export interface CollectionWatch {
  ready: Promise<void>;
  /** The pending timer (the next poll, a reopen), cleared on stop. */
  timer: LiveTimer | undefined;
  /** Set on stop, so that late callbacks do nothing. */
  stopped: boolean;
}

/** A watch's shared fields before it starts: not ready-pending, no timer, not stopped. */
export function idleWatch(): CollectionWatch {
  return { ready: Promise.resolve(), timer: undefined, stopped: false };
}

/** What every change feed is built with: the database, the clock of its timers, a logger. */
export interface FeedOptions {
  db: Db;
  clock: LiveClock;
  log: FastifyBaseLogger;
}

/**
 * The listener bookkeeping every change feed shares: the first listener of a collection
 * starts watching it, every listener waits until it is watched, the last one leaving
 * stops it (its timer cleared), and `close` stops them all. The feed says how to start,
 * and what else to release on stop.
 */
export abstract class PerCollectionFeed<
  TWatch extends CollectionWatch,
  TOptions extends FeedOptions = FeedOptions,
> {
  protected readonly listeners = new ListenerSet();
  protected readonly watches = new Map<WatchedCollection, TWatch>();

  constructor(protected readonly options: TOptions) {}

  async listen(collection: WatchedCollection, listener: LiveChangeListener): Promise<() => void> {
    if (this.listeners.add(collection, listener)) this.watches.set(collection, this.start(collection));
    await this.watches.get(collection)?.ready;
    return () => {
      if (this.listeners.remove(collection, listener)) void this.stop(collection);
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.watches.keys()].map((collection) => this.stop(collection)));
  }

  /** Starts watching a collection (synchronously registering it; `ready` settles later). */
  protected abstract start(collection: WatchedCollection): TWatch;

  /** What a feed frees beyond the timer when a collection stops being watched (nothing by default). */
  protected release(_watch: TWatch): void | Promise<void> {}

  /** Stops watching a collection and forgets it. */
  private async stop(collection: WatchedCollection): Promise<void> {
    const watch = this.watches.get(collection);
    if (!watch) return;
    watch.stopped = true;
    this.watches.delete(collection);
    if (watch.timer) this.options.clock.clearTimeout(watch.timer);
    await this.release(watch);
  }
}
