import { UUID, type ClientSession, type MongoClient, type MongoServerError } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { opMsg, RawConnection } from "./support/raw-wire";
import type { AnyDoc } from "./support/any-doc";
import { startTestEngine, type TestEngine } from "./support/start-test-engine";

interface Counter {
  _id: string;
  n: number;
}

async function codeOf(p: Promise<unknown>): Promise<{ code: unknown; labels: string[] }> {
  try {
    await p;
  } catch (err) {
    const e = err as MongoServerError;
    return { code: e.code, labels: e.errorLabels ?? [] };
  }
  return { code: undefined, labels: [] };
}

/** Runs `body` in a transaction of a new session, and ends the session whatever happens. */
async function inTransaction(
  client: MongoClient,
  body: (session: ClientSession) => Promise<void>,
): Promise<void> {
  const session = client.startSession();
  try {
    session.startTransaction();
    await body(session);
  } finally {
    await session.endSession();
  }
}

describe("sessions and transactions", () => {
  let t: TestEngine;
  let now = Date.now();
  let client: MongoClient;
  beforeAll(async () => {
    // The engine's clock moves only when a test says so: no session expires on a slow machine.
    t = await startTestEngine({ sessionTimeoutMs: 400, clock: () => now });
    client = t.client;
  });
  afterAll(async () => {
    await t.stop();
  });

  it("keeps advertising a replica set", async () => {
    const hello = await client.db("admin").command({ hello: 1 });
    expect(hello.setName).toBe("rs0");
    expect(hello.logicalSessionTimeoutMinutes).toBeGreaterThan(0);
  });

  it("hides writes until commit and shows them after; the transaction reads its own writes", async () => {
    const coll = client.db("tx").collection<{ _id: number; v: string }>("vis");
    await coll.insertOne({ _id: 1, v: "before" });
    await inTransaction(client, async (session) => {
      await coll.insertOne({ _id: 2, v: "new" }, { session });
      await coll.updateOne({ _id: 1 }, { $set: { v: "changed" } }, { session });
      // Inside: own writes visible.
      const inside = await coll.find({}, { session }).sort({ _id: 1 }).toArray();
      expect(inside).toEqual([
        { _id: 1, v: "changed" },
        { _id: 2, v: "new" },
      ]);
      expect(await coll.countDocuments({}, { session })).toBe(2);
      expect((await coll.distinct("v", {}, { session })).sort()).toEqual(["changed", "new"]);
      const grouped = await coll
        .aggregate([{ $group: { _id: null, n: { $sum: 1 } } }], { session })
        .toArray();
      expect(grouped).toEqual([{ _id: null, n: 2 }]);
      const fam = await coll.findOneAndUpdate(
        { _id: 2 },
        { $set: { v: "new2" } },
        { session, returnDocument: "after" },
      );
      expect(fam).toEqual({ _id: 2, v: "new2" });
      await coll.updateOne({ _id: 2 }, { $set: { v: "new" } }, { session });
      await coll.deleteOne({ _id: 2 }, { session });
      expect(await coll.countDocuments({}, { session })).toBe(1);
      await coll.insertOne({ _id: 2, v: "new" }, { session });
      // Outside: nothing yet.
      expect(await coll.find({}).sort({ _id: 1 }).toArray()).toEqual([{ _id: 1, v: "before" }]);
      await session.commitTransaction();
    });
    expect(await coll.find({}).sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, v: "changed" },
      { _id: 2, v: "new" },
    ]);
  });

  it("snapshot isolation: a transaction does not see commits made after its snapshot", async () => {
    const coll = client.db("tx").collection<{ _id: number; v: number }>("snap");
    await coll.insertOne({ _id: 1, v: 1 });
    await inTransaction(client, async (session) => {
      expect(await coll.findOne({ _id: 1 }, { session })).toEqual({ _id: 1, v: 1 });
      await coll.insertOne({ _id: 2, v: 2 });
      expect(await coll.countDocuments({}, { session })).toBe(1);
      await session.commitTransaction();
    });
  });

  it("an aborted transaction leaves no trace", async () => {
    const db = client.db("tx");
    const coll = db.collection<{ _id: number; v: number }>("abort");
    await coll.insertMany([
      { _id: 1, v: 1 },
      { _id: 2, v: 2 },
    ]);
    const before = await coll.find({}).sort({ _id: 1 }).toArray();
    await inTransaction(client, async (session) => {
      await coll.insertOne({ _id: 3, v: 3 }, { session });
      await coll.deleteOne({ _id: 1 }, { session });
      await coll.updateOne({ _id: 2 }, { $inc: { v: 10 } }, { session });
      await db.collection<AnyDoc>("createdInTxn").insertOne({ x: 1 }, { session });
      await session.abortTransaction();
    });
    expect(await coll.find({}).sort({ _id: 1 }).toArray()).toEqual(before);
    const names = (await db.listCollections().toArray()).map((c) => c.name);
    expect(names).not.toContain("createdInTxn");
  });

  it("is all-or-nothing: a duplicate key inside aborts the whole transaction", async () => {
    const coll = client.db("tx").collection<{ _id: number; k: string }>("atomic");
    await coll.createIndex({ k: 1 }, { unique: true });
    await coll.insertOne({ _id: 1, k: "a" });
    await inTransaction(client, async (session) => {
      await coll.insertOne({ _id: 2, k: "b" }, { session });
      const dup = await codeOf(coll.insertOne({ _id: 3, k: "a" }, { session }));
      expect(dup.code).toBe(11000);
      const commit = await codeOf(session.commitTransaction());
      expect(commit.code).toBe(251);
    });
    expect(await coll.find({}).toArray()).toEqual([{ _id: 1, k: "a" }]);
  });

  it("all-or-nothing when the commit itself fails on a unique index", async () => {
    const coll = client.db("tx").collection<{ _id: number; k: string }>("commitdup");
    await coll.createIndex({ k: 1 }, { unique: true });
    await inTransaction(client, async (session) => {
      await coll.insertOne({ _id: 1, k: "x" }, { session });
      await coll.insertOne({ _id: 2, k: "y" }, { session });
      // Another client takes key "y" before the commit.
      await coll.insertOne({ _id: 9, k: "y" });
      const commit = await codeOf(session.commitTransaction());
      expect(commit.code).toBe(11000);
    });
    expect(await coll.find({}).toArray()).toEqual([{ _id: 9, k: "y" }]);
  });

  it("the second writer of a document gets WriteConflict (112) labelled TransientTransactionError", async () => {
    const coll = client.db("tx").collection<Counter>("conflict");
    await coll.insertOne({ _id: "c", n: 0 });
    const s1 = client.startSession();
    const s2 = client.startSession();
    try {
      s1.startTransaction();
      s2.startTransaction();
      await coll.updateOne({ _id: "c" }, { $inc: { n: 1 } }, { session: s1 });
      const second = await codeOf(coll.updateOne({ _id: "c" }, { $inc: { n: 1 } }, { session: s2 }));
      expect(second.code).toBe(112);
      expect(second.labels).toContain("TransientTransactionError");
      await s1.commitTransaction();
      await s2.abortTransaction().catch(() => undefined);
    } finally {
      await s1.endSession();
      await s2.endSession();
    }
    expect((await coll.findOne({ _id: "c" }))?.n).toBe(1);
  });

  it("a write after another transaction committed the document since the snapshot conflicts", async () => {
    const coll = client.db("tx").collection<Counter>("late");
    await coll.insertOne({ _id: "c", n: 0 });
    await inTransaction(client, async (s1) => {
      expect((await coll.findOne({ _id: "c" }, { session: s1 }))?.n).toBe(0);
      await coll.updateOne({ _id: "c" }, { $set: { n: 5 } });
      const late = await codeOf(coll.updateOne({ _id: "c" }, { $inc: { n: 1 } }, { session: s1 }));
      expect(late.code).toBe(112);
    });
    expect((await coll.findOne({ _id: "c" }))?.n).toBe(5);
  });

  it("withTransaction retries conflicting increments until every one lands", async () => {
    const coll = client.db("tx").collection<Counter>("withtxn");
    await coll.insertOne({ _id: "c", n: 0 });
    const workers = 8;
    const perWorker = 5;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        const session = client.startSession();
        try {
          for (let i = 0; i < perWorker; i++) {
            await session.withTransaction(async () => {
              const cur = await coll.findOne({ _id: "c" }, { session });
              await coll.updateOne({ _id: "c" }, { $set: { n: (cur?.n ?? 0) + 1 } }, { session });
            });
          }
        } finally {
          await session.endSession();
        }
      }),
    );
    expect((await coll.findOne({ _id: "c" }))?.n).toBe(workers * perWorker);
  });

  it("reports the transaction errors mongod gives", async () => {
    const db = client.db("tx");
    const coll = db.collection<AnyDoc>("errs");
    await coll.insertOne({ _id: 1 });
    const session = client.startSession();
    try {
      session.startTransaction();
      await coll.findOne({}, { session });
      // createIndexes on an existing collection: 263.
      const ci = await codeOf(coll.createIndex({ a: 1 }, { session }));
      expect(ci.code).toBe(263);
      await session.abortTransaction().catch(() => undefined);

      session.startTransaction();
      await coll.insertOne({ _id: 2 }, { session });
      await session.commitTransaction();
      // commit retried after success: ok.
      await session.commitTransaction();
      expect(await coll.countDocuments()).toBe(2);
    } finally {
      await session.endSession();
    }
    // Raw commands (the driver would put its own lsid on them) for the txnNumber checks.
    const raw = await RawConnection.open(t.engine.port);
    let requestId = 100;
    const lsid = { id: new UUID() };
    const run = async (body: Record<string, unknown>) => {
      raw.send(opMsg({ ...body, lsid, $db: "tx" }, { requestId: requestId++ }));
      return (await raw.reply()) as Record<string, unknown>;
    };
    try {
      const txn = { autocommit: false };
      expect(
        await run({ insert: "errs", documents: [{ _id: 10 }], txnNumber: 5, startTransaction: true, ...txn }),
      ).toMatchObject({ ok: 1, n: 1 });
      expect(await run({ abortTransaction: 1, txnNumber: 5, ...txn })).toMatchObject({ ok: 1 });
      expect(await run({ commitTransaction: 1, txnNumber: 5, ...txn })).toMatchObject({ ok: 0, code: 251 });
      expect(await run({ commitTransaction: 1, txnNumber: 7, ...txn })).toMatchObject({ ok: 0, code: 251 });
      expect(await run({ find: "errs", txnNumber: 3, startTransaction: true, ...txn })).toMatchObject({
        ok: 0,
        code: 225,
      });
      await run({ insert: "errs", documents: [{ _id: 11 }], txnNumber: 8, startTransaction: true, ...txn });
      expect(await run({ commitTransaction: 1, txnNumber: 8, ...txn })).toMatchObject({ ok: 1 });
      expect(await run({ commitTransaction: 1, txnNumber: 8, ...txn })).toMatchObject({ ok: 1 });
      expect(await run({ find: "errs", txnNumber: 8, ...txn })).toMatchObject({ ok: 0, code: 256 });
      expect(await coll.countDocuments({ _id: { $in: [10, 11] } })).toBe(1);

      // Retryable writes: the same txnNumber is applied once.
      const insert = { insert: "retry", documents: [{ k: 1 }, { k: 2 }], txnNumber: 20 };
      expect(await run(insert)).toMatchObject({ ok: 1, n: 2 });
      expect(await run(insert)).toMatchObject({ ok: 1, n: 2 });
      expect(await db.collection<AnyDoc>("retry").countDocuments()).toBe(2);
    } finally {
      raw.close();
    }
  });

  it("endSessions and session expiry discard an open transaction", async () => {
    const coll = client.db("tx").collection<{ _id: number }>("expiry");
    const s1 = client.startSession();
    s1.startTransaction();
    await coll.insertOne({ _id: 1 }, { session: s1 });
    // Idle for longer than sessionTimeoutMs: the next command's sweep expires it.
    now += 1200;
    await client.db("admin").command({ ping: 1 });
    expect(await coll.countDocuments()).toBe(0);
    const late = await codeOf(s1.commitTransaction());
    expect(late.code).toBe(251);
    await s1.endSession();

    const s2 = client.startSession();
    s2.startTransaction();
    await coll.insertOne({ _id: 2 }, { session: s2 });
    await client.db("admin").command({ endSessions: [s2.id] });
    // Another writer of the same _id is not blocked by the ended transaction.
    await coll.insertOne({ _id: 2 });
    expect(await coll.countDocuments()).toBe(1);
    await s2.endSession().catch(() => undefined);
  });
});
