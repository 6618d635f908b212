import { type Collection, type Db, MongoServerError } from "mongodb";
import { RATE_LIMIT_WINDOW_MS, type RateLimitStore, secondsToWindowEnd } from "./rate-limiter";

/** The collection of shared rate-limit counters (one document per caller and minute). */
export const RATE_LIMIT_COLLECTION = "rate_limit_counters";

/** A counter: `_id` is `<caller key>@<window start ms>`; a TTL index removes it after its window. */
export interface RateLimitCounterDocument {
  _id: string;
  count: number;
  expires_at: Date;
}

const DUPLICATE_KEY = 11000;

/**
 * RATE_LIMIT_STORE=mongodb (the default): the counters live in MongoDB, so every gateway
 * instance against the database counts against one limit. Each admitted request costs one
 * atomic `findOneAndUpdate` ($inc, upsert). This instance's own count in the window is a
 * lower bound of the shared one, so a caller already over the limit here is refused
 * without a database command.
 */
export class MongoRateLimitStore implements RateLimitStore {
  private readonly counters: Collection<RateLimitCounterDocument>;
  private readonly local = new Map<string, { start: number; count: number }>();

  constructor(
    db: Db,
    private readonly perMinute: number,
    private readonly maxTimeMS: number,
    private readonly now: () => number = Date.now,
  ) {
    this.counters = db.collection<RateLimitCounterDocument>(RATE_LIMIT_COLLECTION);
  }

  /** The TTL index that deletes counters once their window is over. */
  async ensureIndexes(): Promise<void> {
    await this.counters.createIndex({ expires_at: 1 }, { name: "expires_at_ttl", expireAfterSeconds: 0 });
  }

  async take(key: string, count: number): Promise<number> {
    const now = this.now();
    const start = Math.floor(now / RATE_LIMIT_WINDOW_MS) * RATE_LIMIT_WINDOW_MS;
    let mine = this.local.get(key);
    if (!mine || mine.start !== start) {
      if (this.local.size > 100_000) this.local.clear();
      mine = { start, count: 0 };
      this.local.set(key, mine);
    }
    if (mine.count + count > this.perMinute) return secondsToWindowEnd(now);
    mine.count += count;
    const shared = await this.increment(`${key}@${start}`, count, new Date(start + 2 * RATE_LIMIT_WINDOW_MS));
    return shared <= this.perMinute ? 0 : secondsToWindowEnd(now);
  }

  private async increment(id: string, count: number, expiresAt: Date): Promise<number> {
    const update = () =>
      this.counters.findOneAndUpdate(
        { _id: id },
        { $inc: { count }, $setOnInsert: { expires_at: expiresAt } },
        { upsert: true, returnDocument: "after", maxTimeMS: this.maxTimeMS },
      );
    let counter: RateLimitCounterDocument | null;
    try {
      counter = await update();
    } catch (error) {
      // Two first requests of a window raced to insert the counter: the loser increments it.
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
      counter = await update();
    }
    return counter?.count ?? count;
  }
}
