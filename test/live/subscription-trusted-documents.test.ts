import { afterAll, describe, expect, it } from "vitest";
import { UserRole } from "../../src/domain/user-role.enum";
import { loadConfig } from "../../src/config";
import { loadPersistedDocuments } from "../../src/protections/persisted-documents";
import { alertDocument } from "../helpers/alert-document";
import { type LiveClient, openLiveClient } from "../helpers/live-client";
import { ManualClock } from "../helpers/manual-clock";
import { signTestJwt } from "../helpers/test-jwt";
import { useTestGateway } from "../helpers/use-test-gateway";

// PERSISTED_QUERIES_ONLY holds for WebSocket operations as it does for HTTP: only the
// manifest's documents run, named by hash or sent as their exact text.
const manifest = loadPersistedDocuments();
const [hash, trendsLive] = [...manifest.byHash.entries()].find(([, text]) =>
  text.startsWith("subscription DashboardAlertTrendsLive"),
)!;
// The same question as a query, itself a trusted document.
const trends = [...manifest.texts].find((text) => text.startsWith("query DashboardAlertTrends("))!;

const { gateway } = useTestGateway("live-trusted", {
  // Alerts of two types inside the asked range, so the trend has points to compare.
  seed: async (db) => {
    await db
      .collection("alerts")
      .insertMany([
        alertDocument({ type: "cpu", timestamp: new Date("2024-01-01T10:00:00Z") }),
        alertDocument({ type: "disk", timestamp: new Date("2024-01-02T10:00:00Z") }),
        alertDocument({ type: "cpu", timestamp: new Date("2024-01-02T11:00:00Z") }),
      ]);
  },
  gateway: {
    liveClock: new ManualClock(),
    protections: { persistedQueriesOnly: true },
    live: { ...loadConfig({}).live, source: "poll" },
  },
});

const clients: LiveClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((live) => live.dispose()));
});

async function connect(): Promise<LiveClient> {
  const live = openLiveClient(gateway.url, {
    authorization: `Bearer ${await signTestJwt(UserRole.ANALYST)}`,
  });
  clients.push(live);
  await live.connected;
  return live;
}

describe("trusted documents over WebSocket (PERSISTED_QUERIES_ONLY=true)", () => {
  it("refuses a document outside the manifest with PERSISTED_QUERY_NOT_FOUND, before any database command", async () => {
    const live = await connect();
    gateway.resetCommands();
    for (const [query, extensions] of [
      [`subscription { alertRaised { id } }`, undefined],
      ["", { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } }],
      // A known hash with another text alongside is not that document.
      [`subscription { alertRaised { id } }`, { persistedQuery: { version: 1, sha256Hash: hash } }],
    ] as const) {
      const refused = live.subscribe(query, undefined, extensions);
      const [error] = (await refused.failed) as { extensions?: { code?: string } }[];
      expect(error?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    }
    expect(gateway.commands).toEqual([]);
  });

  it("runs a manifest subscription sent as its exact text or named by its hash", async () => {
    const live = await connect();
    const variables = { from: "2024-01-01T00:00:00Z", to: "2024-01-03T00:00:00Z" };
    for (const [query, extensions] of [
      [trendsLive, undefined],
      ["", { persistedQuery: { version: 1, sha256Hash: hash } }],
    ] as const) {
      const result = await live.subscribe(query, variables, extensions).next();
      expect(result.errors).toBeUndefined();
      // The live field answers what the query answers (three alerts over two days).
      const answer = await gateway.graphql(trends, variables);
      expect(answer.errors).toBeUndefined();
      expect(result.data).toEqual({ alertTrendsLive: answer.data.alertTrends });
      const total = (answer.data.alertTrends as { count: number }[]).reduce((sum, p) => sum + p.count, 0);
      expect(total).toBe(3);
    }
  });
});
