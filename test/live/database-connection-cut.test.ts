import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { alertDocument } from "../helpers/alert-document";
import { type LiveClient, openLiveClient } from "../helpers/live-client";
import { signTestJwt } from "../helpers/test-jwt";
import { useGatewayBehindProxy } from "./support/use-gateway-behind-proxy";

// The gateway reaches the database through a proxy whose connections the test cuts:
// a network failure as the driver sees it, the database itself still running.
const DB_NAME = `test_live_cut_${randomBytes(4).toString("hex")}`;
const { proxy, gateway, db } = useGatewayBehindProxy(() => inject("mongoUri"), DB_NAME);
let live: LiveClient | undefined;
afterAll(async () => {
  await live?.dispose();
});

async function insertAlert(message: string): Promise<void> {
  await db.collection("alerts").insertOne(alertDocument({ type: "cut", message }));
}

describe("the database connection cut under a live subscription", () => {
  it("resumes the change stream from its token: changes made meanwhile and after still arrive", async () => {
    live = openLiveClient(gateway.url, { authorization: `Bearer ${await signTestJwt(UserRole.ANALYST)}` });
    const raised = live.subscribe(`subscription { alertRaised(filter: { type: ["cut"] }) { message } }`);
    const trend = live.subscribe(
      `subscription { alertTrendsLive(types: ["cut"], fillGaps: false) { count } }`,
    );
    expect((await trend.next()).data).toEqual({ alertTrendsLive: [] });
    await insertAlert("before the cut");
    expect((await raised.next()).data).toEqual({ alertRaised: { message: "before the cut" } });

    expect(proxy.cutAll()).toBeGreaterThan(0);
    await insertAlert("during the cut");
    await insertAlert("after the cut");
    expect((await raised.next()).data).toEqual({ alertRaised: { message: "during the cut" } });
    expect((await raised.next()).data).toEqual({ alertRaised: { message: "after the cut" } });
    const total = (result: { data?: any }) =>
      (result.data.alertTrendsLive as { count: number }[]).reduce((sum, point) => sum + point.count, 0);
    let latest = await trend.next();
    while (total(latest) < 3) latest = await trend.next();
    expect(total(latest)).toBe(await db.collection("alerts").countDocuments({ type: "cut" }));
  });
});
