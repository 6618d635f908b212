import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { type EmbeddedMongo, startEmbeddedMongo } from "../../src/embedded-mongo";
import { type LiveClient, openLiveClient } from "../helpers/live-client";
import { signTestJwt } from "../helpers/test-jwt";
import { useGatewayBehindProxy } from "./support/use-gateway-behind-proxy";

const DB_NAME = "live_history_lost";
/** The engine keeps only this many change events: a longer outage loses the gateway's place. */
const HISTORY = 5;

let engine: EmbeddedMongo;
beforeAll(async () => {
  engine = await startEmbeddedMongo({ port: 0, changeHistorySize: HISTORY });
});
afterAll(async () => {
  await engine?.stop();
});

// Registered after the engine's hooks: started once it runs, stopped before it stops.
const { proxy, gateway, db } = useGatewayBehindProxy(() => engine.uri, DB_NAME);
let live: LiveClient | undefined;
afterAll(async () => {
  await live?.dispose();
});

describe("change stream history lost while the gateway was cut off", () => {
  it("starts the stream afresh and recomputes every live result once", { timeout: 120_000 }, async () => {
    live = openLiveClient(gateway.url, { authorization: `Bearer ${await signTestJwt(UserRole.ANALYST)}` });
    const trend = live.subscribe(
      `subscription { alertTrendsLive(types: ["lost"], fillGaps: false) { count } }`,
    );
    expect((await trend.next()).data).toEqual({ alertTrendsLive: [] });

    await proxy.close();
    // More changes than the engine remembers, while the gateway cannot see them.
    const alerts = Array.from({ length: 4 * HISTORY }, (_, index) => ({
      type: "lost",
      source: "test",
      severity: "low",
      message: `while cut off ${index}`,
      timestamp: new Date(),
      case_id: null,
      resolved: false,
      resolution: null,
    }));
    for (const alert of alerts) await db.collection("alerts").insertOne(alert);
    await proxy.listen();

    const total = (result: { data?: any }) =>
      (result.data.alertTrendsLive as { count: number }[]).reduce((sum, point) => sum + point.count, 0);
    let latest = await trend.next(90_000);
    while (total(latest) < alerts.length) latest = await trend.next(90_000);
    expect(total(latest)).toBe(await db.collection("alerts").countDocuments({ type: "lost" }));
  });
});
