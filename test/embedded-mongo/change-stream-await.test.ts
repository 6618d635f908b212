import { MongoClient, type CommandStartedEvent, type CommandSucceededEvent, type Document } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyDoc } from "./support/any-doc";
import { useTestEngine } from "./support/use-test-engine";
import { openStream } from "./support/watch-helpers";

const f = useTestEngine("cs_await");
/** A client that records its getMores, separate from the one that writes. */
let watcher: MongoClient;
const started: CommandStartedEvent[] = [];
const succeeded: CommandSucceededEvent[] = [];
let onGetMore: (() => void) | null = null;

beforeAll(async () => {
  watcher = new MongoClient(f.t.engine.uri, { monitorCommands: true, serverSelectionTimeoutMS: 5000 });
  watcher.on("commandStarted", (e) => {
    if (e.commandName !== "getMore") return;
    started.push(e);
    const hook = onGetMore;
    onGetMore = null;
    hook?.();
  });
  watcher.on("commandSucceeded", (e) => {
    if (e.commandName === "getMore") succeeded.push(e);
  });
  await watcher.connect();
});
afterAll(async () => {
  await watcher?.close();
});

/**
 * A change stream of the watcher on a collection of the test's database, whose getMore waits
 * long enough (50 s) that only an event can end the wait within the test's time.
 */
function watchLong(collection: string) {
  return watcher.db(f.db.databaseName).collection<AnyDoc>(collection).watch([], { maxAwaitTimeMS: 50_000 });
}

/** Resolves when the watcher sends its next getMore. */
const nextGetMore = () => new Promise<void>((resolve) => (onGetMore = resolve));

describe("getMore waits up to maxAwaitTimeMS", () => {
  it("a waiting getMore returns the event inserted while it waits, and the engine serves others meanwhile", async () => {
    const name = "waiting";
    // Long enough that only an event can end the wait within the test's time.
    const stream = watchLong(name);
    const before = started.length;
    const sent = nextGetMore();
    // aggregate (an empty first batch), then a getMore that waits.
    const next = stream.next();
    await sent;
    // The engine is not blocked by the waiting getMore: other connections are served.
    const writer = f.db.collection<AnyDoc>(name);
    await writer.insertOne({ _id: "inserted-while-waiting" });
    await f.db.collection<AnyDoc>("other").insertOne({ _id: 1 });
    expect(await f.db.collection<AnyDoc>("other").countDocuments()).toBe(1);
    const event = (await next) as Document;
    expect(event.documentKey._id).toBe("inserted-while-waiting");
    // One getMore did it: it was sent before the insert and came back with the event.
    expect(started.length - before).toBe(1);
    const reply = succeeded.find((s) => s.requestId === started[before].requestId)?.reply as Document;
    expect(reply.cursor.nextBatch.map((e: Document) => e.documentKey._id)).toEqual([
      "inserted-while-waiting",
    ]);
    await stream.close();
  });

  it("events of other collections do not end a collection stream's wait; its own do", async () => {
    const stream = watchLong("mine");
    const before = started.length;
    const sent = nextGetMore();
    const next = stream.next();
    await sent;
    for (let i = 0; i < 5; i++) await f.db.collection<AnyDoc>("theirs").insertOne({ _id: i });
    await f.db.collection<AnyDoc>("mine").insertOne({ _id: "mine" });
    expect(((await next) as Document).documentKey._id).toBe("mine");
    expect(started.length - before).toBe(1);
    await stream.close();
  });

  it("without events, getMore answers an empty batch with a postBatchResumeToken and the cursor stays open", async () => {
    const stream = await openStream(watcher.db(f.db.databaseName).collection<AnyDoc>("quiet"), [], {
      maxAwaitTimeMS: 1,
    });
    const before = succeeded.length;
    expect(await stream.tryNext()).toBeNull();
    const replies = succeeded.slice(before).map((r) => r.reply as Document);
    expect(replies.length).toBeGreaterThanOrEqual(1);
    for (const r of replies) {
      expect(r.cursor.nextBatch).toEqual([]);
      expect(typeof r.cursor.postBatchResumeToken._data).toBe("string");
      expect(Number(r.cursor.id)).not.toBe(0);
    }
    await stream.close();
  });

  it("closing a stream ends the getMore waiting on it", async () => {
    const stream = watchLong("closing");
    const sent = nextGetMore();
    const next = stream.next().catch((err: unknown) => err);
    await sent;
    await stream.close();
    await next;
    expect(stream.closed).toBe(true);
    // The engine still serves this client.
    expect(await watcher.db(f.db.databaseName).command({ ping: 1 })).toMatchObject({ ok: 1 });
  });
});
