import type { LiveChange, LiveChangeListener, WatchedCollection } from "./live-change";

/**
 * Listeners per collection, with hooks for the first one coming and the last one
 * leaving (where a feed starts and stops its watcher).
 */
export class ListenerSet {
  private readonly byCollection = new Map<WatchedCollection, Set<LiveChangeListener>>();

  /** Adds a listener; true when it is the collection's first. */
  add(collection: WatchedCollection, listener: LiveChangeListener): boolean {
    let listeners = this.byCollection.get(collection);
    const first = !listeners;
    if (!listeners) this.byCollection.set(collection, (listeners = new Set()));
    listeners.add(listener);
    return first;
  }

  /** Removes a listener; true when it was the collection's last. */
  remove(collection: WatchedCollection, listener: LiveChangeListener): boolean {
    const listeners = this.byCollection.get(collection);
    if (!listeners?.delete(listener)) return false;
    if (listeners.size > 0) return false;
    this.byCollection.delete(collection);
    return true;
  }

  has(collection: WatchedCollection): boolean {
    return this.byCollection.has(collection);
  }

  /** Delivers a change to every listener of its collection; a throwing listener does not stop the others. */
  emit(change: LiveChange, onError: (error: unknown) => void): void {
    for (const listener of [...(this.byCollection.get(change.collection) ?? [])]) {
      try {
        listener(change);
      } catch (error) {
        onError(error);
      }
    }
  }

  collections(): WatchedCollection[] {
    return [...this.byCollection.keys()];
  }
}
