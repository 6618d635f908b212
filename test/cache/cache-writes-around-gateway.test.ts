import { describe, expect, it } from "vitest";
import { useTestGateway } from "../helpers/use-test-gateway";

/**
 * Writes made around the gateway (here: the official driver, as another application
 * would) reach the response cache through a change stream. The TTL is an hour on a
 * frozen clock, so only that invalidation can make the new count appear.
 */
const QUERY = `{ alertSeverityBreakdown(resolved: false) { severity count } }`;
const alert = () => ({
  type: "disk",
  source: "outside",
  severity: "high",
  message: "written around the gateway",
  timestamp: new Date(),
  case_id: null,
  resolved: false,
  resolution: null,
});

const { database, gateway } = useTestGateway("cache-around", {
  seed: async (db) => {
    await db.collection("alerts").insertMany([alert(), alert()]);
  },
  gateway: () => {
    const frozen = Date.now();
    return {
      cache: { maxBytes: 1 << 20, ttlAnalyticsSeconds: 3_600, ttlEntitySeconds: 0, now: () => frozen },
    };
  },
});

const total = async (): Promise<{ count: number; hit: boolean }> => {
  const result = await gateway.graphql<{ alertSeverityBreakdown: { count: number }[] }>(QUERY);
  expect(result.errors).toBeUndefined();
  return {
    count: result.data!.alertSeverityBreakdown.reduce((sum, row) => sum + row.count, 0),
    hit: (result.body.extensions as { cache: { hit: boolean } }).cache.hit,
  };
};

describe("writes made around the gateway", () => {
  it("invalidate cached results through the change stream", async () => {
    expect(await total()).toEqual({ count: 2, hit: false });
    expect(await total()).toEqual({ count: 2, hit: true });
    await database.db.collection("alerts").insertOne(alert());
    const expected = await database.db.collection("alerts").countDocuments({ resolved: false });
    // The event arrives asynchronously: ask until it has (the verdict does not depend on how long that takes).
    let seen = await total();
    for (let attempt = 0; seen.count !== expected && attempt < 400; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      seen = await total();
    }
    expect(seen.count).toBe(expected);
  });
});
