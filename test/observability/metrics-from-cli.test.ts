import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { useTestDatabase } from "../helpers/use-test-database";
import { startGatewayProcess } from "../helpers/gateway-process";
import { signTestJwt } from "../helpers/test-jwt";
import { parsePrometheusText, valueOf } from "./support/prometheus-text";

const TOKEN = randomBytes(24).toString("hex");

const database = useTestDatabase("metrics_cli");

/**
 * `npm start` is `node bin/jupiter.js serve`: runs it with `env` over the test database and
 * returns the URLs it prints (`Playground: …`, `Metrics: …`) once it listens (with
 * `expectMetricsUrl`, once it printed the metrics URL, its last line before the signal
 * handlers are installed), and a stop that sends SIGTERM to this child only and waits for
 * its exit.
 */
async function serve(env: Record<string, string>, expectMetricsUrl = false) {
  const metricsLine = /^Metrics: (\S+)$/m;
  const gateway = await startGatewayProcess(
    { MONGODB_URI: database.uri, MONGODB_DB: database.dbName, MONGODB_ENGINE: "", ...env },
    expectMetricsUrl ? { readyAfter: metricsLine } : {},
  );
  return {
    graphql: `${gateway.url}/graphql`,
    metrics: metricsLine.exec(gateway.output())?.[1],
    stop: async () => {
      gateway.signal("SIGTERM");
      return gateway.exit;
    },
  };
}

async function countOf(url: string, headers: Record<string, string>, operationName: string) {
  const response = await fetch(url, { headers });
  expect(response.status).toBe(200);
  return valueOf(parsePrometheusText(await response.text()), "jupiter_graphql_requests_total", {
    operation_name: operationName,
    operation_type: "query",
    outcome: "ok",
  });
}

describe("metrics of `npm start` (node bin/jupiter.js serve)", () => {
  it("METRICS_TOKEN: /metrics on the public port, 401 without the token", async () => {
    const gateway = await serve({ METRICS_TOKEN: TOKEN });
    try {
      expect(gateway.metrics).toBeUndefined();
      const metricsUrl = new URL("/metrics", gateway.graphql).toString();
      expect((await fetch(metricsUrl)).status).toBe(401);
      const auth = { authorization: `Bearer ${TOKEN}` };
      const before = await countOf(metricsUrl, auth, "FromCli");
      const response = await fetch(gateway.graphql, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${await signTestJwt(UserRole.VIEWER)}`,
        },
        body: JSON.stringify({ query: "query FromCli { cases(first: 1) { edges { node { id } } } }" }),
      });
      expect(response.status).toBe(200);
      expect(await countOf(metricsUrl, auth, "FromCli")).toBe(before + 1);
    } finally {
      expect(await gateway.stop()).toBe(0);
    }
  });

  it("METRICS_PORT: printed at start, served there and not on the public port", async () => {
    const gateway = await serve({ METRICS_PORT: "0" }, true);
    try {
      expect(gateway.metrics).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      expect((await fetch(new URL("/metrics", gateway.graphql))).status).toBe(404);
      expect(await countOf(gateway.metrics!, {}, "Nothing")).toBe(0);
    } finally {
      expect(await gateway.stop()).toBe(0);
    }
  });
});
