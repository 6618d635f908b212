import type { Document } from "mongodb";
import { describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { useTestEngine } from "./support/use-test-engine";
import { openStream, take } from "./support/watch-helpers";

const f = useTestEngine("cs_txn");

const summary = (events: Document[]) =>
  events.map((e: Document) => [e.operationType, e.ns.coll, e.documentKey._id]);

describe("transactions and change streams", () => {
  it("a transaction's changes appear at commit, together, in the order it made them", async () => {
    const items = f.db.collection<AnyDoc>("items");
    const audit = f.db.collection<AnyDoc>("audit");
    await items.insertMany([
      { _id: "e1", v: 1 },
      { _id: "e2", v: 2 },
    ]);
    const stream = await openStream(f.db);
    const session = f.t.client.startSession();
    try {
      session.startTransaction();
      // The order the transaction writes in (the engine applies deletes first at commit).
      await items.insertOne({ _id: "n1" }, { session });
      await items.updateOne({ _id: "e1" }, { $set: { v: 10 } }, { session });
      await audit.insertOne({ _id: "a1" }, { session });
      await items.deleteOne({ _id: "e2" }, { session });
      // Written outside the transaction while it is open: reported first.
      await items.insertOne({ _id: "outside" });
      await session.commitTransaction();
    } finally {
      await session.endSession();
    }
    await items.insertOne({ _id: "after" });
    const events = await take(stream, 6);
    await stream.close();
    expect(summary(events)).toEqual([
      ["insert", "items", "outside"],
      ["insert", "items", "n1"],
      ["update", "items", "e1"],
      ["insert", "audit", "a1"],
      ["delete", "items", "e2"],
      ["insert", "items", "after"],
    ]);
    const txn = events.slice(1, 5);
    for (const e of txn) {
      expect(e.clusterTime.equals(txn[0].clusterTime)).toBe(true);
      expect(e.txnNumber).toBeDefined();
      expect(e.lsid).toBeDefined();
    }
    expect(events[0].clusterTime.compare(txn[0].clusterTime)).toBe(-1);
    expect(events[5].clusterTime.compare(txn[0].clusterTime)).toBe(1);
    expect(events[0].txnNumber).toBeUndefined();
    expect(txn[1].updateDescription.updatedFields).toEqual({ v: 10 });
    // Each event of the transaction has its own token, so a stream can resume between them.
    const resumed = f.db.watch<AnyDoc, Document>([], { resumeAfter: txn[1]._id, maxAwaitTimeMS: 50 });
    expect(summary(await take(resumed, 3))).toEqual(summary(events.slice(3)));
    await resumed.close();
  });

  it("an aborted transaction reports nothing", async () => {
    const items = f.db.collection<AnyDoc>("items");
    const stream = await openStream(items);
    const session = f.t.client.startSession();
    try {
      session.startTransaction();
      await items.insertOne({ _id: "never" }, { session });
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    await items.insertOne({ _id: "marker" });
    expect(summary(await take(stream, 1))).toEqual([["insert", "items", "marker"]]);
    await stream.close();
  });

  it("withTransaction retries report the committed attempt only", async () => {
    const counters = f.db.collection<AnyDoc>("counters");
    await counters.insertOne({ _id: "c", n: 0 });
    const stream = await openStream(counters);
    const session = f.t.client.startSession();
    let attempts = 0;
    try {
      await session.withTransaction(async () => {
        attempts++;
        await counters.updateOne({ _id: "c" }, { $inc: { n: 1 } }, { session });
        // A plain write to the same document makes the first attempt's commit conflict.
        if (attempts === 1) await counters.updateOne({ _id: "c" }, { $inc: { n: 100 } });
      });
    } finally {
      await session.endSession();
    }
    expect(attempts).toBe(2);
    const events = await take(stream, 2);
    await stream.close();
    expect(
      events.map((e: Document) => [e.txnNumber === undefined, e.updateDescription.updatedFields]),
    ).toEqual([
      [true, { n: 100 }],
      [false, { n: 101 }],
    ]);
  });

  it("$changeStream inside a transaction is refused (263)", async () => {
    const session = f.t.client.startSession();
    try {
      session.startTransaction();
      await f.db.collection<AnyDoc>("items").insertOne({ _id: "t" }, { session });
      await expect(
        f.db.command({ aggregate: "items", pipeline: [{ $changeStream: {} }], cursor: {} }, { session }),
      ).rejects.toMatchObject({ code: 263 });
    } finally {
      await session.abortTransaction().catch(() => undefined);
      await session.endSession();
    }
  });
});
