import type { FastifyBaseLogger } from "fastify";
import type { ObjectId } from "mongodb";
import { EventQueue } from "./event-queue";
import type { ChangeFeed, WatchedCollection } from "./live-change";
import type { LiveClock, LiveTimer } from "./live-clock";

/** Most undelivered events a subscriber may have before its subscription ends with an error. */
const SUBSCRIBER_CAPACITY = 10_000;

/** One stream of new documents: which collection, and how to pick the matching ones among new ids. */
export interface InsertStream<T> {
  /** Equal keys share one lookup per batch: the field name plus its normalised filter. */
  key: string;
  collection: WatchedCollection;
  /** The documents among `ids` that match, in insertion order; one database command. */
  matching(ids: readonly ObjectId[]): Promise<T[]>;
}

interface Entry {
  stream: InsertStream<unknown>;
  subscribers: Set<EventQueue<unknown>>;
  unlisten: () => void;
}

/**
 * Streams of newly inserted documents (alertRaised): insert events are gathered for
 * one turn of the clock, then each distinct filter looks its matches up once and fans
 * them out to all of its subscribers.
 */
export class InsertedDocumentHub {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<WatchedCollection, ObjectId[]>();
  private readonly flushTimers = new Map<WatchedCollection, LiveTimer>();

  constructor(private readonly options: { feed: ChangeFeed; clock: LiveClock; log: FastifyBaseLogger }) {}

  async subscribe<T>(stream: InsertStream<T>): Promise<AsyncGenerator<T, void, undefined>> {
    let entry = this.entries.get(stream.key);
    if (!entry) {
      const created: Entry = {
        stream: stream as InsertStream<unknown>,
        subscribers: new Set(),
        unlisten: () => {},
      };
      this.entries.set(stream.key, created);
      created.unlisten = await this.options.feed.listen(stream.collection, (change) => {
        if (change.type === "insert") this.collect(stream.collection, change.id);
      });
      entry = created;
    }
    const current = entry;
    const queue: EventQueue<unknown> = new EventQueue<unknown>({
      latestOnly: false,
      capacity: SUBSCRIBER_CAPACITY,
      onClose: () => {
        current.subscribers.delete(queue);
        if (current.subscribers.size === 0 && this.entries.get(current.stream.key) === current) {
          this.entries.delete(current.stream.key);
          current.unlisten();
        }
      },
    });
    current.subscribers.add(queue);
    return queue.stream() as AsyncGenerator<T, void, undefined>;
  }

  close(): void {
    for (const entry of [...this.entries.values()]) for (const queue of [...entry.subscribers]) queue.end();
  }

  private collect(collection: WatchedCollection, id: ObjectId): void {
    const ids = this.pending.get(collection) ?? [];
    ids.push(id);
    this.pending.set(collection, ids);
    if (this.flushTimers.has(collection)) return;
    this.flushTimers.set(
      collection,
      this.options.clock.setTimeout(() => this.flush(collection), 0),
    );
  }

  private async flush(collection: WatchedCollection): Promise<void> {
    this.flushTimers.delete(collection);
    const ids = this.pending.get(collection) ?? [];
    this.pending.delete(collection);
    if (ids.length === 0) return;
    const entries = [...this.entries.values()].filter((entry) => entry.stream.collection === collection);
    await Promise.all(
      entries.map(async (entry) => {
        try {
          const documents = await entry.stream.matching(ids);
          for (const document of documents) for (const queue of entry.subscribers) queue.push(document);
        } catch (error) {
          this.options.log.warn(
            { err: error, key: entry.stream.key },
            "live: looking up new documents failed",
          );
        }
      }),
    );
  }
}
