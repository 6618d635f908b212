import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { type Db, MongoServerError } from "mongodb";
import { OperationError } from "./operation-error";
import { MONGO_SERVER_CODES } from "../errors/mongo-server-codes";

/*
 * The lock of a long database operation, held as a lease (it expires unless renewed), so
 * that one runner at a time does it: `jupiter db migrate` takes "migrations", `jupiter db
 * archive` takes "archive". Any further operation that must not run twice at once takes a
 * name of its own here.
 */

/**
 * One document per lock name, unique on `name`. The collection keeps the name it had when
 * only migrations locked, so that a lock held by an older version is still seen.
 */
export const LOCKS_COLLECTION = "migration_locks";

export interface LockDocument {
  name: string;
  /** Optional in the type: a lock written by hand may lack them (then it counts as expired). */
  owner?: string;
  acquired_at?: Date;
  expires_at?: Date;
}

export interface LockOptions {
  /** A lock not renewed for this long is stale and may be taken over (default 10 min). */
  ttlMs?: number;
  /** How long to wait for a lock held by someone else before giving up (default 30 s; 0: do not wait). */
  waitMs?: number;
  /** Poll interval while waiting (default 250 ms). */
  pollMs?: number;
  log?: (line: string) => void;
}

export interface HeldLock {
  owner: string;
  /** True when an expired lock of another owner was taken over. */
  tookOver: boolean;
  /** Throws when the lock is no longer ours (expired and taken over by another runner). */
  assertHeld(): Promise<void>;
  release(): Promise<void>;
}

/**
 * Takes the lock `name` atomically: one findOneAndUpdate with upsert on a filter that
 * matches only an expired lock. With a unique index on `name`, a live lock of another
 * owner makes the upsert's insert fail with a duplicate key (so two runners started
 * together cannot both get it), while an expired one is matched and taken over. The lock
 * is renewed at a third of its TTL while held.
 */
export async function acquireLock(db: Db, name: string, options: LockOptions = {}): Promise<HeldLock> {
  const ttlMs = options.ttlMs ?? 600_000;
  const waitMs = options.waitMs ?? 30_000;
  const pollMs = options.pollMs ?? 250;
  const locks = db.collection<LockDocument>(LOCKS_COLLECTION);
  await locks.createIndex({ name: 1 }, { unique: true, name: "name_1" });
  const owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  const deadline = Date.now() + waitMs;
  let announced = false;

  for (;;) {
    const now = new Date();
    try {
      const previous = await locks.findOneAndUpdate(
        // A lock without an expiry is malformed: it counts as expired.
        { name, $or: [{ expires_at: { $lt: now } }, { expires_at: { $exists: false } }] },
        { $set: { owner, acquired_at: now, expires_at: new Date(now.getTime() + ttlMs) } },
        { upsert: true, returnDocument: "before" },
      );
      // Verify rather than trust the reply: the lock is ours only if it says so.
      const mine = await locks.findOne({ name, owner });
      if (mine) {
        if (previous) {
          options.log?.(
            `took over the stale lock "${name}" of ${previous.owner ?? "?"} (expired ${previous.expires_at?.toISOString() ?? "?"})`,
          );
        }
        return heldLock(db, name, owner, ttlMs, previous !== null);
      }
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === MONGO_SERVER_CODES.duplicateKey)) throw error;
    }
    const holder = await locks.findOne({ name });
    const since = holder?.acquired_at?.toISOString() ?? "?";
    const expires = holder?.expires_at?.toISOString() ?? "?";
    if (Date.now() >= deadline) {
      throw new OperationError(
        `the lock "${name}" is held by ${holder?.owner ?? "another runner"} since ${since} (expires ${expires})`,
        `another run is in progress: wait for it to finish and try again; if it died, the lock can be taken once it expires at ${expires} (or remove it by hand: db.${LOCKS_COLLECTION}.deleteOne({ name: "${name}" }))`,
      );
    }
    if (!announced) {
      options.log?.(`waiting for the lock "${name}" held by ${holder?.owner ?? "another runner"}`);
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

function heldLock(db: Db, name: string, owner: string, ttlMs: number, tookOver: boolean): HeldLock {
  const locks = db.collection<LockDocument>(LOCKS_COLLECTION);
  let lost = false;
  const renew = async () => {
    const renewed = await locks.updateOne(
      { name, owner },
      { $set: { expires_at: new Date(Date.now() + ttlMs) } },
    );
    if (renewed.matchedCount === 0) lost = true;
  };
  const timer = setInterval(
    () => void renew().catch(() => undefined),
    Math.max(1_000, Math.floor(ttlMs / 3)),
  );
  timer.unref();
  return {
    owner,
    tookOver,
    async assertHeld() {
      if (!lost && (await locks.countDocuments({ name, owner }, { limit: 1 })) > 0) return;
      lost = true;
      throw new OperationError(
        `lost the lock "${name}": it expired and another runner took it over`,
        "run again once the other run has finished; raise the lock TTL if single steps take longer than it",
      );
    },
    async release() {
      clearInterval(timer);
      await locks.deleteOne({ name, owner });
    },
  };
}
