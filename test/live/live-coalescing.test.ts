import { afterAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { loadConfig } from "../../src/config";
import { type LiveClient, openLiveClient } from "../helpers/live-client";
import { ManualClock } from "../helpers/manual-clock";
import { signTestJwt } from "../helpers/test-jwt";
import { useTestGateway } from "../helpers/use-test-gateway";

const POLL_MS = 1_000;
const MIN_INTERVAL_MS = 3_000;
const DAY_MS = 86_400_000;
const from = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - 2 * DAY_MS);
const to = new Date(from.getTime() + 4 * DAY_MS);
const TYPES = ["cpu", "disk", "net", "mem"];

const clock = new ManualClock();
const clients: LiveClient[] = [];

const { db, gateway } = useTestGateway("live-coalescing", {
  gateway: {
    liveClock: clock,
    live: {
      ...loadConfig({}).live,
      source: "poll",
      pollSeconds: POLL_MS / 1000,
      minIntervalMs: MIN_INTERVAL_MS,
    },
  },
});

afterAll(async () => {
  await Promise.all(clients.map((live) => live.dispose()));
});

/** Alerts written straight into MongoDB, as another program would. */
function alerts(count: number, offset: number) {
  return Array.from({ length: count }, (_, index) => ({
    type: TYPES[(offset + index) % TYPES.length]!,
    source: "burst",
    severity: "low",
    message: `burst ${offset + index}`,
    timestamp: new Date(from.getTime() + ((offset + index) % 4) * DAY_MS + 60_000),
    case_id: null,
    resolved: false,
    resolution: null,
  }));
}

/** Reference: total alerts in the window, overall and of the given types. */
async function expectedTotal(types?: string[]): Promise<number> {
  return db
    .collection("alerts")
    .countDocuments({ timestamp: { $gte: from, $lt: to }, ...(types ? { type: { $in: types } } : {}) });
}

const total = (points: { count: number }[]) => points.reduce((sum, point) => sum + point.count, 0);

/** Aggregations on alerts the gateway sent since the last reset: one per recomputation. */
const recomputations = () =>
  gateway.commands.filter(
    (event) => event.commandName === "aggregate" && event.command.aggregate === "alerts",
  ).length;

const TRENDS = `subscription($from: DateTime, $to: DateTime, $types: [String!]) {
  alertTrendsLive(from: $from, to: $to, granularity: DAY, timezone: "UTC", fillGaps: false, types: $types) { bucket type count }
}`;

describe("coalescing of live recomputations", () => {
  it("shares one recomputation among identical subscribers and coalesces a burst of 1,000 inserts", async () => {
    await db.collection("alerts").insertMany(alerts(20, 0));
    const token = await signTestJwt(UserRole.ANALYST);
    const connect = () => {
      const live = openLiveClient(gateway.url, { authorization: `Bearer ${token}` });
      clients.push(live);
      return live;
    };
    const [a, b, c] = [connect(), connect(), connect()];
    gateway.resetCommands();
    const same1 = a.subscribe(TRENDS, { from, to });
    const same2 = b.subscribe(TRENDS, { from, to });
    const other = c.subscribe(TRENDS, { from, to, types: ["cpu"] });
    const first = await Promise.all([same1.next(), same2.next(), other.next()]);
    expect(total(first[0].data.alertTrendsLive)).toBe(await expectedTotal());
    expect(first[1].data).toEqual(first[0].data);
    expect(total(first[2].data.alertTrendsLive)).toBe(await expectedTotal(["cpu"]));
    // Two argument sets, three subscribers: two computations.
    expect(recomputations()).toBe(2);

    // 1,000 inserts in one burst: the next poll reports 1,000 changes.
    gateway.resetCommands();
    await Promise.all(
      Array.from({ length: 10 }, (_, batch) =>
        db.collection("alerts").insertMany(alerts(100, 20 + batch * 100)),
      ),
    );
    await clock.advance(MIN_INTERVAL_MS);
    const second = await Promise.all([same1.next(), same2.next(), other.next()]);
    expect(total(second[0].data.alertTrendsLive)).toBe(await expectedTotal());
    expect(total(second[0].data.alertTrendsLive)).toBe(1_020);
    expect(second[1].data).toEqual(second[0].data);
    expect(total(second[2].data.alertTrendsLive)).toBe(await expectedTotal(["cpu"]));
    expect(recomputations()).toBeGreaterThanOrEqual(2);
    expect(recomputations()).toBeLessThanOrEqual(4);

    // Changes seen by five polls in a row: at most one recomputation per LIVE_MIN_INTERVAL_MS.
    gateway.resetCommands();
    for (let batch = 0; batch < 5; batch++) {
      await db.collection("alerts").insertMany(alerts(100, 2_000 + batch * 100));
      await clock.advance(POLL_MS);
    }
    await clock.advance(MIN_INTERVAL_MS);
    const perArgumentSet = Math.ceil((5 * POLL_MS + MIN_INTERVAL_MS) / MIN_INTERVAL_MS) + 1;
    expect(recomputations()).toBeLessThanOrEqual(2 * perArgumentSet);
    expect(recomputations()).toBeLessThan(2 * 5);
    let latest = second[0];
    while (total(latest.data.alertTrendsLive) !== 1_520) latest = await same1.next();
    expect(total(latest.data.alertTrendsLive)).toBe(await expectedTotal());
  });
});
