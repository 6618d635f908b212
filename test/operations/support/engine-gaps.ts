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
export async function probeValidators(db: Db): Promise<string | null> {
  const name = `probe_validator_${Date.now()}`;
  await db.createCollection(name, { validator: { $jsonSchema: { bsonType: "object", required: ["a"] } } });
  try {
    await db.collection(name).insertOne({ b: 1 });
    return "an insert that violates the collection's $jsonSchema validator was accepted";
  } catch (error) {
    if (error instanceof MongoServerError && error.code === 121) return null;
    return `the insert failed with ${(error as Error).message} instead of code 121`;
  } finally {
    await db
      .collection(name)
      .drop()
      .catch(() => undefined);
  }
}

/** null when collMod is answered; else the evidence. */
export async function probeCollMod(db: Db): Promise<string | null> {
  const name = `probe_collmod_${Date.now()}`;
  await db.createCollection(name);
  try {
    await db.command({ collMod: name, validator: { a: { $exists: true } } });
    return null;
  } catch (error) {
    return `collMod failed: ${(error as Error).message}`;
  } finally {
    await db
      .collection(name)
      .drop()
      .catch(() => undefined);
  }
}

/** null when a transaction can be committed and aborted (an aborted insert leaves nothing). */
export async function probeTransactions(db: Db): Promise<string | null> {
  const name = `probe_txn_${Date.now()}`;
  await db.createCollection(name);
  const session = db.client.startSession();
  try {
    session.startTransaction();
    await db.collection(name).insertOne({ a: 1 }, { session });
    await session.abortTransaction();
    if ((await db.collection(name).countDocuments()) !== 0) return "an aborted transaction's insert was kept";
    session.startTransaction();
    await db.collection(name).insertOne({ a: 2 }, { session });
    await session.commitTransaction();
    return null;
  } catch (error) {
    return `a transaction failed: ${(error as Error).message}`;
  } finally {
    await session.endSession().catch(() => undefined);
    await db
      .collection(name)
      .drop()
      .catch(() => undefined);
  }
}

/** null when $indexStats answers; else the evidence. */
export async function probeIndexStats(db: Db): Promise<string | null> {
  const name = `probe_indexstats_${Date.now()}`;
  await db.collection(name).insertOne({ a: 1 });
  try {
    await db
      .collection(name)
      .aggregate([{ $indexStats: {} }])
      .toArray();
    return null;
  } catch (error) {
    return `$indexStats failed: ${(error as Error).message}`;
  } finally {
    await db
      .collection(name)
      .drop()
      .catch(() => undefined);
  }
}
