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
export const probeValidators = (db: Db): Promise<string | null> =>
  scratchProbe(db, "probe_validator", {
    create: (name) =>
      db.createCollection(name, { validator: { $jsonSchema: { bsonType: "object", required: ["a"] } } }),
    attempt: (name) =>
      db
        .collection(name)
        .insertOne({ b: 1 })
        .then(() => "an insert that violates the collection's $jsonSchema validator was accepted"),
    failed: (error) =>
      error instanceof MongoServerError && error.code === 121
        ? null
        : `the insert failed with ${error.message} instead of code 121`,
  });

/** null when collMod is answered; else the evidence. */
export const probeCollMod = (db: Db): Promise<string | null> =>
  scratchProbe(db, "probe_collmod", {
    attempt: (name) => db.command({ collMod: name, validator: { a: { $exists: true } } }).then(() => null),
    failed: (error) => `collMod failed: ${error.message}`,
  });

/** null when a transaction can be committed and aborted (an aborted insert leaves nothing). */
export const probeTransactions = (db: Db): Promise<string | null> =>
  scratchProbe(db, "probe_txn", {
    async attempt(name) {
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
      } finally {
        await session.endSession().catch(() => undefined);
      }
    },
    failed: (error) => `a transaction failed: ${error.message}`,
  });

/** null when $indexStats answers; else the evidence. */
export const probeIndexStats = (db: Db): Promise<string | null> =>
  scratchProbe(db, "probe_indexstats", {
    create: (name) => db.collection(name).insertOne({ a: 1 }),
    attempt: (name) =>
      db
        .collection(name)
        .aggregate([{ $indexStats: {} }])
        .toArray()
        .then(() => null),
    failed: (error) => `$indexStats failed: ${error.message}`,
  });

/**
 * Runs one probe on a scratch collection (made by `create`, by default an empty one) and
 * drops the collection whatever happens: `attempt` gives the evidence or null, `failed`
 * turns what it threw into the evidence (or null).
 */
async function scratchProbe(
  db: Db,
  prefix: string,
  probe: {
    create?: (name: string) => Promise<unknown>;
    attempt: (name: string) => Promise<string | null>;
    failed: (error: Error) => string | null;
  },
): Promise<string | null> {
  const name = `${prefix}_${Date.now()}`;
  await (probe.create ?? ((collection: string) => db.createCollection(collection)))(name);
  try {
    return await probe.attempt(name);
  } catch (error) {
    return probe.failed(error as Error);
  } finally {
    await db
      .collection(name)
      .drop()
      .catch(() => undefined);
  }
}
