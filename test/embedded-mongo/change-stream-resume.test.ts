import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MongoClient, type Document } from "mongodb";
import { afterAll, describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { DroppingProxy } from "./support/dropping-proxy";
import { startTestEngine } from "./support/start-test-engine";
import { useTestEngine } from "./support/use-test-engine";
import { openStream, take } from "./support/watch-helpers";

const f = useTestEngine("cs_resume");
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const ids = (events: Document[]): unknown[] => events.map((e: Document) => e.documentKey._id);

describe("resumeAfter, startAfter, startAtOperationTime", () => {
  it("resumeAfter an event's token continues right after that event", async () => {
    const coll = f.db.collection<AnyDoc>("r");
    const first = await openStream(coll);
    const docs = [1, 2, 3, 4, 5].map((_id) => ({ _id }));
    await coll.insertMany(docs);
    const events = await take(first, docs.length);
    await first.close();
    for (let k = 0; k < docs.length; k++) {
      const resumed = coll.watch<AnyDoc, Document>([], { resumeAfter: events[k]._id, maxAwaitTimeMS: 50 });
      const rest = await take(resumed, docs.length - 1 - k);
      expect(ids(rest)).toEqual(docs.slice(k + 1).map((d) => d._id));
      await resumed.close();
    }
    const live = coll.watch<AnyDoc, Document>([], {
      resumeAfter: events[docs.length - 1]._id,
      maxAwaitTimeMS: 50,
    });
    await coll.insertOne({ _id: "later" });
    expect(ids(await take(live, 1))).toEqual(["later"]);
    await live.close();
  });

  it("the driver's resumeToken is the postBatchResumeToken, also when a $match skipped everything", async () => {
    const coll = f.db.collection<AnyDoc>("pbrt");
    const stream = await openStream(coll, [{ $match: { "fullDocument.wanted": true } }]);
    await coll.insertMany([{ _id: 1 }, { _id: 2 }]);
    expect(await stream.tryNext()).toBeNull();
    const token = stream.resumeToken;
    await stream.close();
    // Resuming from the high-water mark skips the two unwanted inserts without reading them again.
    await coll.insertOne({ _id: 3, wanted: true });
    const all = coll.watch<AnyDoc, Document>([], { resumeAfter: token, maxAwaitTimeMS: 50 });
    expect((await all.next()).documentKey._id).toBe(3);
    await all.close();
  });

  it("startAtOperationTime starts at the events of that cluster time", async () => {
    const coll = f.db.collection<AnyDoc>("t");
    const first = await openStream(coll);
    await coll.insertMany([{ _id: 1 }, { _id: 2 }, { _id: 3 }]);
    const events = await take(first, 3);
    await first.close();
    const from2 = coll.watch<AnyDoc, Document>([], {
      startAtOperationTime: events[1].clusterTime,
      maxAwaitTimeMS: 50,
    });
    expect(ids(await take(from2, 2))).toEqual([2, 3]);
    await from2.close();
  });

  it("startAfter an invalidate starts a new stream; resumeAfter it is refused (260)", async () => {
    const coll = f.db.collection<AnyDoc>("inv");
    await coll.insertOne({ _id: "old" });
    const stream = await openStream(coll);
    await coll.drop();
    const [, invalidate] = await take(stream, 2);
    expect(invalidate.operationType).toBe("invalidate");
    await expect(
      f.db.command({
        aggregate: "inv",
        pipeline: [{ $changeStream: { resumeAfter: invalidate._id } }],
        cursor: {},
      }),
    ).rejects.toMatchObject({ code: 260 });
    const again = coll.watch<AnyDoc, Document>([], { startAfter: invalidate._id, maxAwaitTimeMS: 50 });
    await coll.insertOne({ _id: "new" });
    const next = await again.next();
    expect([next.operationType, next.documentKey._id]).toEqual(["insert", "new"]);
    await again.close();
  });

  it("resumeAfter a drop's token gives the invalidate again", async () => {
    const coll = f.db.collection<AnyDoc>("redrop");
    await coll.insertOne({ _id: 1 });
    const stream = await openStream(coll);
    await coll.drop();
    const [drop] = await take(stream, 2);
    const resumed = coll.watch<AnyDoc, Document>([], { resumeAfter: drop._id, maxAwaitTimeMS: 50 });
    expect((await resumed.next()).operationType).toBe("invalidate");
    expect(resumed.closed).toBe(true);
  });
});

describe("ChangeStreamHistoryLost", () => {
  it("resuming from an event the bounded history dropped fails with 286; a retained one works", async () => {
    const size = 3;
    const t = await startTestEngine({ changeHistorySize: size });
    try {
      const coll = t.client.db("h").collection<AnyDoc>("c");
      const stream = await openStream(coll);
      const docs = [1, 2, 3, 4, 5, 6].map((_id) => ({ _id }));
      const events: Document[] = [];
      for (const d of docs) {
        await coll.insertOne(d);
        events.push(...(await take(stream, 1)));
      }
      await stream.close();
      // The history keeps the last `size` events, so resuming after event k needs events k+1...
      const oldestResumable = docs.length - size - 1;
      for (let k = 0; k < docs.length; k++) {
        const cmd = {
          aggregate: "c",
          pipeline: [{ $changeStream: { resumeAfter: events[k]._id } }],
          cursor: {},
        };
        if (k < oldestResumable) {
          await expect(t.client.db("h").command(cmd)).rejects.toMatchObject({
            code: 286,
            codeName: "ChangeStreamHistoryLost",
          });
        } else {
          const reply = await t.client.db("h").command(cmd);
          expect(ids(reply.cursor.firstBatch)).toEqual(docs.slice(k + 1).map((d) => d._id));
          await t.client.db("h").command({ killCursors: "c", cursors: [reply.cursor.id] });
        }
      }
      const lostStart = t.client.db("h").command({
        aggregate: "c",
        pipeline: [{ $changeStream: { startAtOperationTime: events[oldestResumable].clusterTime } }],
        cursor: {},
      });
      await expect(lostStart).rejects.toMatchObject({ code: 286 });
    } finally {
      await t.stop();
    }
  });

  it("a stream that falls further behind than the history fails with 286 on its next getMore", async () => {
    const t = await startTestEngine({ changeHistorySize: 2 });
    try {
      const coll = t.client.db("h").collection<AnyDoc>("slow");
      const stream = await openStream(coll);
      for (let i = 0; i < 5; i++) await coll.insertOne({ _id: i });
      await expect(stream.next()).rejects.toMatchObject({ code: 286 });
      await stream.close();
    } finally {
      await t.stop();
    }
  });
});

describe("resuming after a failure", () => {
  it("the driver resumes after its connections are cut mid-getMore, without losing or repeating an event", async () => {
    const proxy = new DroppingProxy(f.t.engine.port);
    await proxy.listen();
    const client = new MongoClient(`mongodb://127.0.0.1:${proxy.port}/?directConnection=true`, {
      serverSelectionTimeoutMS: 5000,
      monitorCommands: true,
    });
    const resumes: unknown[] = [];
    let cutNextGetMore = false;
    client.on("commandStarted", (e) => {
      const stage = e.commandName === "aggregate" ? e.command.pipeline[0]?.$changeStream : undefined;
      if (stage?.resumeAfter) resumes.push(stage.resumeAfter);
      if (e.commandName === "getMore" && cutNextGetMore) {
        cutNextGetMore = false;
        // While the getMore is in flight: the driver sees a network error on it.
        proxy.cutAll();
      }
    });
    try {
      await client.connect();
      const coll = client.db(f.db.databaseName).collection<AnyDoc>("cut");
      const direct = f.db.collection<AnyDoc>("cut");
      const stream = await openStream(coll as never);
      const expected: number[] = [];
      const received: unknown[] = [];
      for (let round = 0; round < 3; round++) {
        cutNextGetMore = true;
        const pending = take(stream, 2);
        for (let i = 0; i < 2; i++) {
          await direct.insertOne({ _id: expected.length });
          expected.push(expected.length);
        }
        received.push(...ids(await pending));
      }
      expect(received).toEqual(expected);
      // Each cut made the driver open the stream again from its last token.
      expect(resumes.length).toBe(3);
      await stream.close();
    } finally {
      await client.close(true);
      await proxy.close();
    }
  });

  it("with dataDir, tokens stay valid across an engine restart for the events still in the history", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jupiter-cs-"));
    dirs.push(dataDir);
    const docs = [1, 2, 3, 4].map((_id) => ({ _id, v: `v${_id}` }));
    const a = await startTestEngine({ dataDir });
    let events: Document[];
    try {
      const coll = a.client.db("p").collection<AnyDoc>("c");
      const stream = await openStream(coll);
      await coll.insertMany(docs);
      await coll.updateOne({ _id: 4 }, { $set: { v: "changed" } });
      events = await take(stream, docs.length + 1);
      await stream.close();
    } finally {
      await a.stop();
    }
    const b = await startTestEngine({ dataDir });
    try {
      const coll = b.client.db("p").collection<AnyDoc>("c");
      const resumed = coll.watch<AnyDoc, Document>([], { resumeAfter: events[1]._id, maxAwaitTimeMS: 50 });
      const replayed = await take(resumed, events.length - 2);
      expect(replayed).toEqual(events.slice(2));
      await coll.insertOne({ _id: 5 });
      const fresh = await resumed.next();
      expect(fresh.documentKey._id).toBe(5);
      expect(fresh.clusterTime.compare(events[events.length - 1].clusterTime)).toBe(1);
      await resumed.close();
    } finally {
      await b.stop();
    }
  });
});
