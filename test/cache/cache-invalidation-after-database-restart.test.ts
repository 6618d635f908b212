import { describe, expect, it } from "vitest";
import { alertDocument } from "../helpers/alert-document";
import { useRestartableDatabase } from "../helpers/use-restartable-database";

/**
 * The response cache learns about writes made around the gateway from a change stream. The
 * database (an engine process keeping only HISTORY change events) is killed by its PID while
 * more writes than that are made out of the gateway's sight, then started again on the same
 * port and data: the stream cannot resume (ChangeStreamHistoryLost), so the cache must drop
 * what it holds and watch afresh. The TTL is an hour on a frozen clock: only invalidation can
 * make new counts appear.
 */
const HISTORY = 5;
const frozen = Date.now();
const database = useRestartableDatabase("cache_restart", {
  engineArgs: ["--change-history", String(HISTORY)],
  gateway: {
    cache: { maxBytes: 1 << 20, ttlAnalyticsSeconds: 3_600, ttlEntitySeconds: 0, now: () => frozen },
  },
});
const QUERY = `{ alertSeverityBreakdown(resolved: false) { severity count } }`;

const total = async (): Promise<{ count: number; hit: boolean }> => {
  const result = await database.gateway.graphql<{ alertSeverityBreakdown: { count: number }[] }>(QUERY);
  expect(result.errors).toBeUndefined();
  return {
    count: result.data!.alertSeverityBreakdown.reduce((sum, row) => sum + row.count, 0),
    hit: (result.body.extensions as { cache: { hit: boolean } }).cache.hit,
  };
};

const unresolved = () => database.withDb((db) => db.collection("alerts").countDocuments({ resolved: false }));

/** Asks until the answer counts `expected` alerts (events arrive asynchronously); the last count. */
async function untilCount(expected: number): Promise<number> {
  let seen = await total().catch(() => ({ count: -1 }));
  for (let attempt = 0; seen.count !== expected && attempt < 600; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    seen = await total().catch(() => ({ count: -1 }));
  }
  return seen.count;
}

describe("the response cache across a database restart that lost change history", () => {
  it("drops its results and keeps invalidating on writes made around the gateway", async () => {
    await database.withDb((db) =>
      db.collection("alerts").insertMany([alertDocument({ message: "1" }), alertDocument({ message: "2" })]),
    );
    expect(await total()).toEqual({ count: 2, hit: false });
    expect(await total()).toEqual({ count: 2, hit: true });

    await database.restart((db) =>
      db
        .collection("alerts")
        .insertMany(Array.from({ length: 2 * HISTORY }, (_, k) => alertDocument({ message: `away ${k}` })))
        .then(() => undefined),
    );
    expect(await untilCount(await unresolved())).toBe(2 + 2 * HISTORY);
    // The stream reopened afresh: later writes still invalidate.
    await database.withDb((db) => db.collection("alerts").insertOne(alertDocument({ message: "after" })));
    expect(await untilCount(await unresolved())).toBe(3 + 2 * HISTORY);
  });
});
