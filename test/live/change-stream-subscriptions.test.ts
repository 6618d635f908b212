import { afterAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { loadConfig } from "../../src/config";
import { type LiveClient, openLiveClient, untilListening } from "../helpers/live-client";
import { ManualClock } from "../helpers/manual-clock";
import { signTestJwt } from "../helpers/test-jwt";
import { useTestGateway } from "../helpers/use-test-gateway";

// Change streams (the engine serves them; so does a replica set). Events arrive when
// the database sends them; recomputations still wait for the clock the test moves.
const MIN_INTERVAL_MS = 1_000;
const DAY_MS = 86_400_000;
const from = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - DAY_MS);
const to = new Date(from.getTime() + 3 * DAY_MS);

const clock = new ManualClock();
const clients: LiveClient[] = [];

const { db, gateway } = useTestGateway("live-change-streams", {
  gateway: {
    liveClock: clock,
    live: { ...loadConfig({}).live, source: "change-stream", minIntervalMs: MIN_INTERVAL_MS },
  },
});

afterAll(async () => {
  await Promise.all(clients.map((live) => live.dispose()));
});

function alerts(count: number, offset: number) {
  return Array.from({ length: count }, (_, index) => ({
    type: ["cpu", "disk"][(offset + index) % 2]!,
    source: "stream",
    severity: (offset + index) % 10 === 0 ? "critical" : "low",
    message: `stream ${offset + index}`,
    timestamp: new Date(from.getTime() + DAY_MS + ((offset + index) % 1000) * 1000),
    case_id: null,
    resolved: false,
    resolution: null,
  }));
}

const recomputations = () =>
  gateway.commands.filter(
    (event) => event.commandName === "aggregate" && event.command.aggregate === "alerts",
  ).length;

/** Waits (real time, bounded) until the gateway has scheduled a recomputation: a change event arrived. */
async function untilScheduled(before: number): Promise<void> {
  for (let attempt = 0; attempt < 600 && clock.timers <= before; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(clock.timers).toBeGreaterThan(before);
}

describe("subscriptions over change streams", () => {
  it("coalesces 1,000 inserts in a burst into one recomputation per argument set, and streams alertRaised", async () => {
    const live = openLiveClient(gateway.url, {
      authorization: `Bearer ${await signTestJwt(UserRole.ANALYST)}`,
    });
    clients.push(live);
    const trends = live.subscribe(
      `subscription($from: DateTime, $to: DateTime) {
        alertTrendsLive(from: $from, to: $to, granularity: DAY, timezone: "UTC", fillGaps: false) { type count }
      }`,
      { from, to },
    );
    const raised = live.subscribe(
      `subscription { alertRaised(filter: { severity: [CRITICAL] }) { message } }`,
    );
    expect((await trends.next()).data).toEqual({ alertTrendsLive: [] });
    // A probe outside the trend's window (its type is "probe"), critical so alertRaised sends it.
    const probe = {
      type: "probe",
      source: "stream",
      severity: "critical",
      message: "probe",
      timestamp: new Date(to.getTime() + DAY_MS),
      case_id: null,
      resolved: false,
      resolution: null,
    };
    await untilListening(raised, async () => {
      await db.collection("alerts").insertOne({ ...probe });
      // Its change event arrives on its own; the lookup of new alerts then waits for the clock.
      for (let tick = 0; tick < 10; tick++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        await clock.advance(0);
      }
    });

    gateway.resetCommands();
    const before = clock.timers;
    await Promise.all(
      Array.from({ length: 10 }, (_, batch) => db.collection("alerts").insertMany(alerts(100, batch * 100))),
    );
    await untilScheduled(before);
    await clock.advance(MIN_INTERVAL_MS);
    // Events still arriving after that run coalesce into at most one more.
    await clock.advance(MIN_INTERVAL_MS);
    let latest = await trends.next();
    const totalOf = (points: { count: number }[]) => points.reduce((sum, point) => sum + point.count, 0);
    while (totalOf(latest.data.alertTrendsLive) < 1_000) {
      await clock.advance(MIN_INTERVAL_MS);
      latest = await trends.next();
    }
    const expected = await db.collection("alerts").countDocuments({ timestamp: { $gte: from, $lt: to } });
    expect(totalOf(latest.data.alertTrendsLive)).toBe(expected);
    expect(recomputations()).toBeGreaterThanOrEqual(1);
    expect(recomputations()).toBeLessThanOrEqual(3);

    // alertRaised: the 100 critical ones of the burst, in insertion order.
    await clock.advance(0);
    const messages: string[] = [];
    while (messages.length < 100) {
      const message = (await raised.next()).data.alertRaised.message as string;
      if (message !== "probe") messages.push(message);
    }
    const critical = await db
      .collection("alerts")
      .find({ severity: "critical", type: { $ne: "probe" } }, { sort: { _id: 1 } })
      .toArray();
    expect(messages.sort()).toEqual(critical.map((alert) => alert.message).sort());
    await live.dispose();
  });

  it("caseUpdated follows a case through a change stream to its deletion", async () => {
    const created = await gateway.graphql(
      `mutation { createCase(input: { title: "streamed", severity: LOW }) { id } }`,
    );
    const id = created.data.createCase.id as string;
    const live = openLiveClient(gateway.url, {
      authorization: `Bearer ${await signTestJwt(UserRole.VIEWER)}`,
    });
    clients.push(live);
    const updates = live.subscribe(
      `subscription($id: ID!) { caseUpdated(id: $id) { deleted case { title } } }`,
      {
        id,
      },
    );
    expect((await updates.next()).data).toEqual({
      caseUpdated: { deleted: false, case: { title: "streamed" } },
    });
    // A write straight into MongoDB, around the gateway.
    const before = clock.timers;
    await db.collection("cases").deleteOne({ title: "streamed" });
    await untilScheduled(before);
    await clock.advance(MIN_INTERVAL_MS);
    expect((await updates.next()).data).toEqual({ caseUpdated: { deleted: true, case: null } });
    await updates.completed;
  });
});
