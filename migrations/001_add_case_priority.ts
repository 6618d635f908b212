import type { ClientSession, Db } from "mongodb";

/**
 * Every case gets a priority: cases written before priorities existed get "medium", and
 * the priority index of the data model is built.
 *
 * down changes nothing: once applied, a "medium" set here cannot be told apart from one
 * chosen by a user since, so removing priorities would destroy data; and priority_1 is an
 * index of the data model that `jupiter db setup` creates anyway.
 *
 * This file imports nothing at run time (types only), so that it runs from anywhere.
 */
export async function up(db: Db, session?: ClientSession): Promise<void> {
  // DDL first and outside the transaction: MongoDB builds no index on an existing
  // collection inside one, and createIndex is idempotent.
  await db.collection("cases").createIndex({ priority: 1 }, { name: "priority_1" });
  await db
    .collection("cases")
    .updateMany(
      { priority: { $exists: false } },
      { $set: { priority: "medium" } },
      { session, bypassDocumentValidation: true },
    );
}

export async function down(_db: Db, _session?: ClientSession): Promise<void> {
  // Deliberately nothing: see above.
}
