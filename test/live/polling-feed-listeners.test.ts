import type { FastifyBaseLogger } from "fastify";
import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import type { LiveChange } from "../../src/live/live-change";
import { PollingChangeFeed } from "../../src/live/polling-change-feed";
import { ManualClock } from "../helpers/manual-clock";
import { useTestDatabase } from "../helpers/use-test-database";

const POLL_MS = 1_000;
const silentLog = new Proxy({}, { get: () => () => undefined }) as unknown as FastifyBaseLogger;

describe("the polling change feed's listeners", () => {
  const database = useTestDatabase("polling_feed_listeners");

  function newFeed(clock: ManualClock) {
    return new PollingChangeFeed({
      db: database.db,
      clock,
      pollMs: POLL_MS,
      log: silentLog,
      maxTimeMS: 5_000,
    });
  }

  it("delivers an insert to every listener of the collection, polls while one listens, stops after the last leaves", async () => {
    const clock = new ManualClock();
    const feed = newFeed(clock);
    const first: LiveChange[] = [];
    const second: LiveChange[] = [];
    const leaveFirst = await feed.listen("alerts", (change) => first.push(change));
    const leaveSecond = await feed.listen("alerts", (change) => second.push(change));
    expect(clock.timers).toBe(1);

    const id = new ObjectId();
    await database.db.collection("alerts").insertOne({ _id: id, type: "cpu", timestamp: new Date() });
    await clock.advance(POLL_MS);
    const expected = [{ collection: "alerts", type: "insert", id }];
    expect(first).toEqual(expected);
    expect(second).toEqual(expected);

    leaveFirst();
    const later = new ObjectId();
    await database.db.collection("alerts").insertOne({ _id: later, type: "disk", timestamp: new Date() });
    await clock.advance(POLL_MS);
    expect(first).toEqual(expected);
    expect(second).toEqual([...expected, { collection: "alerts", type: "insert", id: later }]);
    expect(clock.timers).toBe(1);

    leaveSecond();
    expect(clock.timers).toBe(0);
    await feed.close();
  });

  it("close stops every collection's polling", async () => {
    const clock = new ManualClock();
    const feed = newFeed(clock);
    await feed.listen("alerts", () => undefined);
    await feed.listen("cases", () => undefined);
    expect(clock.timers).toBe(2);
    await feed.close();
    expect(clock.timers).toBe(0);
  });
});
