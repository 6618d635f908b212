import type { LiveChangeListener, WatchedCollection } from "./live-change";
import { ListenerSet } from "./listener-set";

/** What a feed keeps per watched collection; `ready` settles once the collection is watched. */
export interface CollectionWatch {
  ready: Promise<void>;
}

/**
 * The listener bookkeeping every change feed shares: the first listener of a collection
 * starts watching it, every listener waits until it is watched, the last one leaving
 * stops it, and `close` stops them all. The feed says how to start and stop.
 */
export abstract class PerCollectionFeed<TWatch extends CollectionWatch> {
  protected readonly listeners = new ListenerSet();
  protected readonly watches = new Map<WatchedCollection, TWatch>();

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

  /** Stops watching a collection and forgets it. */
  protected abstract stop(collection: WatchedCollection): void | Promise<void>;
}
