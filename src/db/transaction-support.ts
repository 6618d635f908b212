import type { Db } from "mongodb";

export interface TransactionSupport {
  supported: boolean;
  /** Why, in one phrase: "replica set rs0", "standalone server", "… but commitTransaction failed: …". */
  reason: string;
}

/**
 * Whether multi-document transactions can be used: the deployment must be a replica set
 * (hello has setName) or a sharded cluster (hello.msg is "isdbgrid"), and a trivial
 * transaction (one read of `probeCollection`, then commit) must succeed — a server that
 * advertises a replica set but cannot commit (an engine without transactions) is
 * treated as having none.
 */
export async function detectTransactionSupport(db: Db, probeCollection: string): Promise<TransactionSupport> {
  const hello = await db.admin().command({ hello: 1 });
  const topology =
    typeof hello.setName === "string"
      ? `replica set ${hello.setName}`
      : hello.msg === "isdbgrid"
        ? "sharded cluster"
        : undefined;
  if (!topology) return { supported: false, reason: "standalone server (transactions need a replica set)" };

  const session = db.client.startSession();
  try {
    session.startTransaction();
    await db.collection(probeCollection).findOne({}, { session });
    await session.commitTransaction();
    return { supported: true, reason: topology };
  } catch (error) {
    await session.abortTransaction().catch(() => undefined);
    return {
      supported: false,
      reason: `${topology}, but a test transaction failed (${(error as Error).message})`,
    };
  } finally {
    await session.endSession().catch(() => undefined);
  }
}
