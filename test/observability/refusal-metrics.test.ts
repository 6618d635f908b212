import { describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { loadConfig } from "../../src/config";
import { startTestGateway, type TestGateway, type TestGatewayOverrides } from "../helpers/test-gateway";
import { bearer } from "../helpers/test-jwt";
import { useTestDatabase } from "../helpers/use-test-database";
import { parsePrometheusText, type Sample, valueOf } from "./support/prometheus-text";

const TOKEN = "refusal-metrics-token-0123456789";

const database = useTestDatabase("refusal_metrics");

async function scrape(gateway: TestGateway): Promise<Sample[]> {
  const response = await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  return parsePrometheusText(await response.text());
}

async function withGateway(overrides: TestGatewayOverrides, run: (gateway: TestGateway) => Promise<void>) {
  const gateway = await startTestGateway(database, {
    ...overrides,
    observability: { ...loadConfig({}).observability, metricsToken: TOKEN },
  });
  try {
    await run(gateway);
  } finally {
    await gateway.stop();
  }
}

/** Sends `send`, which must be refused; returns the change of every refusal reason. */
async function refusalsOf(gateway: TestGateway, send: () => Promise<{ status: number }>) {
  const before = await scrape(gateway);
  gateway.resetCommands();
  const { status } = await send();
  expect(status).toBeGreaterThanOrEqual(400);
  const after = await scrape(gateway);
  const reasons = new Set(
    [...before, ...after]
      .filter((s) => s.name === "jupiter_requests_refused_total")
      .map((s) => s.labels.reason!),
  );
  const delta: Record<string, number> = {};
  for (const reason of reasons) {
    const change =
      valueOf(after, "jupiter_requests_refused_total", { reason }) -
      valueOf(before, "jupiter_requests_refused_total", { reason });
    if (change !== 0) delta[reason] = change;
  }
  return delta;
}

const post = (gateway: TestGateway, query: string) => gateway.graphql(query);

describe("jupiter_requests_refused_total: one count, under the protection's reason, per refused request", () => {
  it("validation and parsing limits, cost, document and body size", async () => {
    await withGateway(
      {
        protections: {
          maxAliases: 1,
          maxDirectives: 1,
          maxTokens: 100,
          maxCost: 50,
          maxDocumentBytes: 256,
          maxBodyBytes: 1_024,
        },
      },
      async (gateway) => {
        const cases: [string, () => Promise<{ status: number }>][] = [
          ["aliases", () => post(gateway, `{ a: __typename b: __typename }`)],
          [
            "directives",
            () =>
              post(
                gateway,
                `{ __typename @include(if: true) x: cases(first: 1) @skip(if: false) { totalCount } }`,
              ),
          ],
          // 103 tokens in 205 bytes: past MAX_TOKENS, inside MAX_DOCUMENT_BYTES.
          ["tokens", () => post(gateway, `{${" a".repeat(101)}}`)],
          ["cost", () => post(gateway, `{ cases(first: 100) { edges { node { id } } } }`)],
          ["document_size", () => post(gateway, `{ __typename ${" ".repeat(300)}}`)],
          [
            "body_size",
            () =>
              fetch(gateway.graphqlUrl, {
                method: "POST",
                headers: { "content-type": "application/json", ...gateway.authHeaders },
                body: JSON.stringify({ query: "{ __typename }", variables: { padding: "x".repeat(2_000) } }),
              }),
          ],
        ];
        for (const [reason, send] of cases) {
          expect(await refusalsOf(gateway, send), reason).toEqual({ [reason]: 1 });
          // Refused before the database: the scrape is the only thing that ran.
          expect(gateway.commands, reason).toEqual([]);
        }
      },
    );
  });

  it("authentication, rate limit and trusted documents", async () => {
    await withGateway({ protections: { rateLimitPerMinute: 1 } }, async (gateway) => {
      expect(
        await refusalsOf(gateway, () => gateway.graphql(`{ __typename }`, undefined, { authorization: "" })),
      ).toEqual({
        auth: 1,
      });
      const analyst = await bearer(UserRole.ANALYST, { sub: "0000000000000000000000c1" });
      expect((await gateway.graphql(`{ __typename }`, undefined, analyst)).status).toBe(200);
      expect(await refusalsOf(gateway, () => gateway.graphql(`{ __typename }`, undefined, analyst))).toEqual({
        rate_limit: 1,
      });
    });
    await withGateway({ protections: { persistedQueriesOnly: true } }, async (gateway) => {
      expect(await refusalsOf(gateway, () => post(gateway, `query NotTrusted { __typename }`))).toEqual({
        persisted_only: 1,
      });
    });
  });
});
