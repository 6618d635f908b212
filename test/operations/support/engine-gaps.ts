import { type Db, MongoServerError } from "mongodb";

/**
 * Probes for server features some tests need. A test that needs a feature the server
 * lacks fails with `engineGap(…)` — naming the feature and the probe — instead of
 * passing without having checked anything.
 */
export function engineGap(feature: string, evidence: string): Error {
  return new Error(
    `ENGINE GAP: this test needs ${feature}, which the database server under test does not provide (${evidence}). ` +
      "The test is written to MongoDB's documented behaviour (run it with MONGODB_URI=… or MONGOMS_SYSTEM_BINARY=…); " +
      "on the embedded engine it fails until the feature lands.",
  );
}

/** null when a $jsonSchema validator refuses a bad insert with code 121; else the evidence. */
export function probeValidators(db: Db): Promise<string | null> {
  const validator = { $jsonSchema: { bsonType: "object", required: ["a"] } };
  return onScratchCollection(
    db,
    "probe_validator",
    (name) => db.createCollection(name, { validator }),
    async (name) => {
      try {
        await db.collection(name).insertOne({ b: 1 });
        return "an insert that violates the collection's $jsonSchema validator was accepted";
      } catch (error) {
        if (error instanceof MongoServerError && error.code === 121) return null;
        return `the insert failed with ${(error as Error).message} instead of code 121`;
      }
    },
  );
}

/** null when collMod is answered; else the evidence. */
export function probeCollMod(db: Db): Promise<string | null> {
  return onScratchCollection(
    db,
    "probe_collmod",
    (name) => db.createCollection(name),
    async (name) => {
      try {
        await db.command({ collMod: name, validator: { a: { $exists: true } } });
        return null;
      } catch (error) {
        return `collMod failed: ${(error as Error).message}`;
      }
    },
  );
}

/** null when a transaction can be committed and aborted (an aborted insert leaves nothing). */
export function probeTransactions(db: Db): Promise<string | null> {
  return onScratchCollection(
    db,
    "probe_txn",
    (name) => db.createCollection(name),
    async (name) => {
      const session = db.client.startSession();
      try {
        session.startTransaction();
        await db.collection(name).insertOne({ a: 1 }, { session });
        await session.abortTransaction();
        if ((await db.collection(name).countDocuments()) !== 0)
          return "an aborted transaction's insert was kept";
        session.startTransaction();
        await db.collection(name).insertOne({ a: 2 }, { session });
        await session.commitTransaction();
        return null;
      } catch (error) {
        return `a transaction failed: ${(error as Error).message}`;
      } finally {
        await session.endSession().catch(() => undefined);
      }
    },
  );
}

/** null when $indexStats answers; else the evidence. */
export function probeIndexStats(db: Db): Promise<string | null> {
  return onScratchCollection(
    db,
    "probe_indexstats",
    (name) => db.collection(name).insertOne({ a: 1 }),
    async (name) => {
      try {
        await db
          .collection(name)
          .aggregate([{ $indexStats: {} }])
          .toArray();
        return null;
      } catch (error) {
        return `$indexStats failed: ${(error as Error).message}`;
      }
    },
  );
}

/** Runs `probe` on a scratch collection `create` makes, and drops the collection whatever happens. */
async function onScratchCollection(
  db: Db,
  prefix: string,
  create: (name: string) => Promise<unknown>,
  probe: (name: string) => Promise<string | null>,
): Promise<string | null> {
  const name = `${prefix}_${Date.now()}`;
  await create(name);
  try {
    return await probe(name);
  } finally {
    await db
      .collection(name)
      .drop()
      .catch(() => undefined);
  }
}
