import type { Collection, Db, Document, OptionalUnlessRequiredId } from "mongodb";
import { COLLECTIONS } from "../db/collection-names";
import { type DemoCaseRef, generateDemoAlerts } from "./generate-demo-alerts";
import { generateDemoCases } from "./generate-demo-cases";
import { generateDemoUsers } from "./generate-demo-users";
import { SeededRandom } from "./seeded-random";

export interface SeedDemoDataOptions {
  /** Default 300. */
  users?: number;
  /** Default 5,000. */
  cases?: number;
  /** Default 40,000. */
  alerts?: number;
  /** Cases and alerts fall in the last `days` days before `now` (default 90). */
  days?: number;
  /** Same seed and same `now`, same documents, _ids included (default 1). */
  seed?: number;
  /** Default: the current time. Pass one for reproducible data. */
  now?: Date;
  /** Called with 0 before a collection's first batch and after each batch. */
  onProgress?: (collection: string, done: number, total: number) => void;
}

/** Documents per insertMany: large enough to amortize round trips, small enough to stay well under 48 MB. */
const BATCH_SIZE = 5_000;
const DAY_MS = 86_400_000;
/** Share of alerts that belong to a case. */
const LINKED_ALERT_SHARE = 0.7;

/**
 * Inserts realistic, deterministic demo users, cases and alerts into the `users`,
 * `cases` and `alerts` collections (which it neither empties nor indexes). Documents
 * are generated in streaming batches, so a million alerts never sit in memory at once;
 * only a small reference per case is kept, for linking alerts.
 */
export async function seedDemoData(
  db: Db,
  options: SeedDemoDataOptions = {},
): Promise<{ users: number; cases: number; alerts: number }> {
  const seed = options.seed ?? 1;
  const now = options.now ?? new Date();
  const days = options.days ?? 90;
  const windowStart = new Date(now.getTime() - days * DAY_MS);
  const counts = {
    users: wholeNumber(options.users ?? 300, "users"),
    cases: wholeNumber(options.cases ?? 5_000, "cases"),
    alerts: wholeNumber(options.alerts ?? 40_000, "alerts"),
  };
  if (!(days > 0)) throw new RangeError(`seedDemoData: days must be positive; got ${days}`);
  const progress = options.onProgress ?? (() => undefined);

  const users = generateDemoUsers(SeededRandom.forStream(seed, "users"), counts.users, now);
  const insertedUsers = await insertInBatches(
    db.collection(COLLECTIONS.users),
    users,
    counts.users,
    progress,
  );

  const caseRefs: DemoCaseRef[] = [];
  const cases = generateDemoCases(SeededRandom.forStream(seed, "cases"), {
    count: counts.cases,
    users,
    windowStart,
    now,
  });
  const insertedCases = await insertInBatches(
    db.collection(COLLECTIONS.cases),
    tap(cases, (doc) => {
      caseRefs.push({
        _id: doc._id,
        created_at: doc.created_at,
        resolved_at: doc.resolved_at,
        severity: doc.severity,
        status: doc.status,
      });
    }),
    counts.cases,
    progress,
  );

  const alerts = generateDemoAlerts(SeededRandom.forStream(seed, "alerts"), {
    count: counts.alerts,
    cases: caseRefs,
    linkedShare: LINKED_ALERT_SHARE,
    windowStart,
    now,
  });
  const insertedAlerts = await insertInBatches(
    db.collection(COLLECTIONS.alerts),
    alerts,
    counts.alerts,
    progress,
  );

  return { users: insertedUsers, cases: insertedCases, alerts: insertedAlerts };
}

/**
 * Unordered insertMany per batch (the server may apply a batch in parallel), with the
 * next batch generated while the previous one is being written.
 */
async function insertInBatches<T extends Document>(
  collection: Collection<T>,
  documents: Iterable<T>,
  total: number,
  onProgress: (collection: string, done: number, total: number) => void,
): Promise<number> {
  onProgress(collection.collectionName, 0, total);
  let inserted = 0;
  let pending: Promise<void> | undefined;
  let batch: T[] = [];
  const flush = async (docs: T[]) => {
    if (pending) await pending;
    pending = collection
      .insertMany(docs as OptionalUnlessRequiredId<T>[], { ordered: false })
      .then((result) => {
        inserted += result.insertedCount;
        onProgress(collection.collectionName, inserted, total);
      });
    // Awaited at the next flush; until then a failure must not count as unhandled.
    pending.catch(() => undefined);
  };
  for (const doc of documents) {
    batch.push(doc);
    if (batch.length === BATCH_SIZE) {
      await flush(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await flush(batch);
  if (pending) await pending;
  return inserted;
}

function* tap<T>(items: Iterable<T>, visit: (item: T) => void): Generator<T> {
  for (const item of items) {
    visit(item);
    yield item;
  }
}

function wholeNumber(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`seedDemoData: ${name} must be a whole number >= 0; got ${value}`);
  }
  return value;
}
