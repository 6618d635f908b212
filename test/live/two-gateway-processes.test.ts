import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { type LiveClient, openLiveClient } from "../helpers/live-client";
import { type GatewayProcess, startGatewayProcess } from "../helpers/gateway-process";
import { signTestJwt } from "../helpers/test-jwt";
import { useTestDatabase } from "../helpers/use-test-database";

const database = useTestDatabase("live-two-processes");

/** `npx jupiter serve` in a process of its own, on a free port, against the test database. */
const serve = () =>
  startGatewayProcess({
    MONGODB_URI: database.uri,
    MONGODB_DB: database.dbName,
    MONGODB_ENGINE: "",
    LOG_LEVEL: "info",
    LIVE_POLL_SECONDS: "1",
    LIVE_MIN_INTERVAL_MS: "200",
    RATE_LIMIT_PER_MINUTE: "0",
    NO_COLOR: "1",
  });

/** SIGTERM, as a process manager stops it, and waits for the exit. */
async function stop(gateway: GatewayProcess | undefined): Promise<void> {
  gateway?.signal("SIGTERM");
  await gateway?.exit;
}

let first: GatewayProcess | undefined;
let second: GatewayProcess | undefined;
let live: LiveClient | undefined;

beforeAll(async () => {
  [first, second] = await Promise.all([serve(), serve()]);
});

afterAll(async () => {
  await live?.dispose();
  await Promise.all([stop(first), stop(second)]);
});

describe("two gateway processes against one database", () => {
  it("delivers a mutation made through one process to a subscriber of the other", async () => {
    const token = await signTestJwt(UserRole.ADMIN);
    live = openLiveClient(first!.url, { authorization: `Bearer ${token}` });
    const raised = live.subscribe(
      `subscription { alertRaised(filter: { type: ["cross-process"] }) { id type } }`,
    );
    const trends = live.subscribe(
      `subscription { alertTrendsLive(types: ["cross-process"], fillGaps: false) { type count } }`,
    );
    expect((await trends.next()).data).toEqual({ alertTrendsLive: [] });

    const response = await fetch(`${second!.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `mutation { createAlert(input: { type: "cross-process", source: "second", severity: HIGH }) { id } }`,
      }),
    });
    const body = (await response.json()) as { data?: { createAlert: { id: string } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const id = body.data!.createAlert.id;
    const stored = await database.db.collection("alerts").countDocuments({ type: "cross-process" });

    expect((await raised.next()).data).toEqual({ alertRaised: { id, type: "cross-process" } });
    expect((await trends.next()).data).toEqual({
      alertTrendsLive: [{ type: "cross-process", count: stored }],
    });
    // Each process said at start how it learns about changes.
    for (const gateway of [first!, second!])
      expect(gateway.output()).toMatch(/live: .*(poll|change streams)/);
  });
});
