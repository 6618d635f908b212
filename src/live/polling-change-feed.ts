import { ObjectId } from "mongodb";
import type { ChangeFeed, WatchedCollection } from "./live-change";
import { type CollectionWatch, type FeedOptions, idleWatch, PerCollectionFeed } from "./per-collection-feed";

/**
 * ObjectIds made by several writers within a few seconds need not arrive in order, so
 * each poll looks back this far behind the newest id it has seen and skips ids it knows.
 */
const LOOK_BACK_SECONDS = 3;
/** Most new ids one poll reports one by one; past it the poll reports `changed`. */
const MAX_NEW_IDS_PER_POLL = 10_000;
/** Collections whose writes maintain an indexed `updated_at` (so updates are seen cheaply). */
const UPDATED_AT_INDEXED: ReadonlySet<WatchedCollection> = new Set(["cases"]);

interface Snapshot {
  count: number;
  newestUpdate: number;
}

interface Poller extends CollectionWatch {
  snapshot: Snapshot;
  /** Ids seen within the look-back window, with their ObjectId second. */
  recent: Map<string, number>;
  newestSecond: number;
}

export interface PollingChangeFeedOptions extends FeedOptions {
  pollMs: number;
  maxTimeMS: number;
}

/**
 * The change feed of a deployment without change streams (a standalone mongod): every
 * `pollMs` each watched collection costs three small, index-served commands — a count,
 * the ids of recent inserts (by `_id`, which starts with its creation second) and,
 * for cases, the newest `updated_at`. Inserts are reported one by one; deletions and
 * updates as `changed`. Updates made around the gateway that do not set `updated_at`
 * are seen only through the alerts' and cases' counts.
 */
export class PollingChangeFeed
  extends PerCollectionFeed<Poller, PollingChangeFeedOptions>
  implements ChangeFeed
{
  readonly mode = "polling" as const;

  protected start(collection: WatchedCollection): Poller {
    const poller: Poller = {
      ...idleWatch(),
      snapshot: { count: 0, newestUpdate: 0 },
      recent: new Map(),
      newestSecond: 0,
    };
    // Settles once the first snapshot is taken.
    poller.ready = (async () => {
      try {
        const newest = await this.collection(collection)
          .find(
            {},
            { projection: { _id: 1 }, sort: { _id: -1 }, limit: 1, maxTimeMS: this.options.maxTimeMS },
          )
          .toArray();
        poller.newestSecond = newest[0] ? (newest[0]._id as ObjectId).getTimestamp().getTime() / 1000 : 0;
        await this.newIds(collection, poller);
        poller.snapshot = await this.snapshot(collection);
      } finally {
        if (!poller.stopped) this.schedule(collection, poller);
      }
    })();
    return poller;
  }

  private schedule(collection: WatchedCollection, poller: Poller): void {
    poller.timer = this.options.clock.setTimeout(async () => {
      poller.timer = undefined;
      if (poller.stopped) return;
      try {
        await this.poll(collection, poller);
      } catch (error) {
        this.options.log.warn({ err: error, collection }, "live: polling failed; trying again next period");
      }
      if (!poller.stopped) this.schedule(collection, poller);
    }, this.options.pollMs);
  }

  /** One poll: reports new ids as inserts, and `changed` when the count or newest update moved otherwise. */
  private async poll(collection: WatchedCollection, poller: Poller): Promise<void> {
    const inserted = await this.newIds(collection, poller);
    const snapshot = await this.snapshot(collection);
    if (poller.stopped) return;
    const previous = poller.snapshot;
    poller.snapshot = snapshot;
    const onError = (error: unknown) =>
      this.options.log.error({ err: error, collection }, "live: a change listener failed");
    for (const id of inserted.ids) this.listeners.emit({ collection, type: "insert", id }, onError);
    const explained =
      !inserted.truncated &&
      snapshot.count - previous.count === inserted.ids.length &&
      snapshot.newestUpdate === previous.newestUpdate;
    if (!explained) this.listeners.emit({ collection, type: "changed" }, onError);
  }

  private async newIds(
    collection: WatchedCollection,
    poller: Poller,
  ): Promise<{ ids: ObjectId[]; truncated: boolean }> {
    const since = Math.max(0, Math.floor(poller.newestSecond) - LOOK_BACK_SECONDS);
    const documents = await this.collection(collection)
      .find(
        { _id: { $gte: ObjectId.createFromTime(since) } },
        {
          projection: { _id: 1 },
          sort: { _id: 1 },
          limit: MAX_NEW_IDS_PER_POLL,
          maxTimeMS: this.options.maxTimeMS,
        },
      )
      .toArray();
    const fresh: ObjectId[] = [];
    for (const { _id } of documents) {
      if (!(_id instanceof ObjectId)) continue;
      const hex = _id.toHexString();
      const second = _id.getTimestamp().getTime() / 1000;
      poller.newestSecond = Math.max(poller.newestSecond, second);
      if (poller.recent.has(hex)) continue;
      poller.recent.set(hex, second);
      fresh.push(_id);
    }
    for (const [hex, second] of poller.recent) {
      if (second < poller.newestSecond - 2 * LOOK_BACK_SECONDS) poller.recent.delete(hex);
    }
    return { ids: fresh, truncated: documents.length >= MAX_NEW_IDS_PER_POLL };
  }

  private async snapshot(collection: WatchedCollection): Promise<Snapshot> {
    const handle = this.collection(collection);
    // The `count` command, not countDocuments (an aggregation): cheap, and told apart from recomputations.
    const count = await handle.estimatedDocumentCount({ maxTimeMS: this.options.maxTimeMS });
    if (!UPDATED_AT_INDEXED.has(collection)) return { count, newestUpdate: 0 };
    const [newest] = await handle
      .find(
        { updated_at: { $type: "date" } },
        {
          projection: { _id: 0, updated_at: 1 },
          sort: { updated_at: -1 },
          limit: 1,
          maxTimeMS: this.options.maxTimeMS,
        },
      )
      .toArray();
    return { count, newestUpdate: newest?.updated_at instanceof Date ? newest.updated_at.getTime() : 0 };
  }

  private collection(name: WatchedCollection) {
    return this.options.db.collection(name);
  }
}
