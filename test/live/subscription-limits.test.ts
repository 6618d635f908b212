import { afterAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { loadConfig } from "../../src/config";
import { type LiveClient, openLiveClient } from "../helpers/live-client";
import { ManualClock } from "../helpers/manual-clock";
import { useTestGateway } from "../helpers/use-test-gateway";
import { signTestJwt } from "../helpers/test-jwt";

const { gateway } = useTestGateway("live-limits", {
  gateway: {
    liveClock: new ManualClock(),
    protections: { maxDepth: 4, maxCost: 50 },
    live: {
      ...loadConfig({}).live,
      source: "poll",
      maxSubscriptionsPerConnection: 2,
      maxConnectionsPerCaller: 2,
    },
  },
});
const clients: LiveClient[] = [];

async function connect(sub: string): Promise<LiveClient> {
  const live = openLiveClient(gateway.url, {
    authorization: `Bearer ${await signTestJwt(UserRole.ANALYST, { sub })}`,
  });
  clients.push(live);
  return live;
}

// Registered after the gateway's fixture: runs before the gateway stops.
afterAll(async () => {
  await Promise.all(clients.map((live) => live.dispose()));
});

const RAISED = `subscription { alertRaised { id } }`;

describe("limits of the subscription endpoint", () => {
  it("refuses a subscription past MAX_SUBSCRIPTIONS_PER_CONNECTION with RATE_LIMITED", async () => {
    const live = await connect("0000000000000000000000b1");
    await live.connected;
    live.subscribe(RAISED);
    live.subscribe(RAISED);
    gateway.resetCommands();
    const third = live.subscribe(RAISED);
    const [error] = (await third.failed) as { message: string; extensions?: { code?: string } }[];
    expect(error?.extensions?.code).toBe("RATE_LIMITED");
    expect(error?.message).toMatch(/MAX_SUBSCRIPTIONS_PER_CONNECTION/);
    expect(
      gateway.commands.filter((command) => command.commandName !== "find" && command.commandName !== "count"),
    ).toEqual([]);
  });

  it("closes a caller's connection past MAX_LIVE_CONNECTIONS_PER_CALLER with 4429, and counts closed ones out", async () => {
    const sub = "0000000000000000000000b2";
    const first = await connect(sub);
    const second = await connect(sub);
    await Promise.all([first.connected, second.connected]);
    const third = await connect(sub);
    const closed = await third.closed;
    expect(closed.code).toBe(4429);
    expect(closed.reason).toMatch(/^RATE_LIMITED: .*MAX_LIVE_CONNECTIONS_PER_CALLER/);

    await first.dispose();
    await first.closed;
    // The server learns of the close asynchronously: retry until a slot is free.
    let accepted = false;
    for (let attempt = 0; attempt < 50 && !accepted; attempt++) {
      const fourth = await connect(sub);
      accepted = await Promise.race([fourth.connected.then(() => true), fourth.closed.then(() => false)]);
    }
    expect(accepted).toBe(true);
  });

  it("applies MAX_DEPTH and MAX_COST to subscription documents, before any database command", async () => {
    const live = await connect("0000000000000000000000b3");
    await live.connected;
    gateway.resetCommands();
    const deep = live.subscribe(
      `subscription { caseUpdated(id: "0000000000000000000000c1") { case { assignee { assignedCases { id } } } } }`,
    );
    const [depthError] = (await deep.failed) as { message: string; extensions?: { code?: string } }[];
    expect(depthError?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(depthError?.message).toMatch(/MAX_DEPTH/);

    const costly = live.subscribe(
      `subscription { caseUpdated(id: "0000000000000000000000c1") { case { alerts(first: 100) { id } } } }`,
    );
    const [costError] = (await costly.failed) as { message: string; extensions?: { code?: string } }[];
    expect(costError?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(costError?.message).toMatch(/MAX_COST/);
    expect(gateway.commands).toHaveLength(0);
  });

  it("serves only subscriptions over WebSocket: queries and mutations get BAD_USER_INPUT", async () => {
    const live = await connect("0000000000000000000000b4");
    await live.connected;
    gateway.resetCommands();
    const query = live.subscribe(`{ cases(first: 1) { totalCount } }`);
    const [error] = (await query.failed) as { message: string; extensions?: { code?: string } }[];
    expect(error?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error?.message).toMatch(/POST \/graphql/);
    expect(gateway.commands).toHaveLength(0);
  });

  it("keeps serving HTTP queries next to the WebSocket endpoint", async () => {
    const result = await gateway.graphql(`{ alertSeverityBreakdown(resolved: false) { severity count } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.alertSeverityBreakdown).toHaveLength(4);
  });
});
