import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { useTestDatabase } from "../helpers/use-test-database";
import { signTestJwt, TEST_JWT_SECRET } from "../helpers/test-jwt";
import { parsePrometheusText, valueOf } from "./support/prometheus-text";

const BIN = resolve(__dirname, "../../bin/jupiter.js");
const TOKEN = randomBytes(24).toString("hex");

const database = useTestDatabase("metrics_cli");

/**
 * `npm start` is `node bin/jupiter.js serve`: runs it with `env`, returns the URLs it
 * prints (`Playground: …`, `Metrics: …`) once it listens, and a stop that sends SIGTERM
 * to this child only and waits for its exit.
 */
async function serve(env: Record<string, string>, expectMetricsUrl = false) {
  const child: ChildProcess = spawn(process.execPath, [BIN, "serve"], {
    env: {
      ...process.env,
      MONGODB_URI: database.uri,
      MONGODB_DB: database.dbName,
      MONGODB_ENGINE: "",
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "warn",
      DEMO_DATA: "never",
      JWT_SECRET: TEST_JWT_SECRET,
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const printed: Record<string, string> = {};
  await new Promise<void>((ready, fail) => {
    child.once("exit", (code) => fail(new Error(`jupiter serve exited (${code}) before listening`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = /^(Playground|Metrics): (\S+)$/.exec(line);
      if (match) printed[match[1]!] = match[2]!;
      // The last line printed before the signal handlers are installed.
      if (match?.[1] === (expectMetricsUrl ? "Metrics" : "Playground")) ready();
    });
  });
  return {
    graphql: printed.Playground!,
    metrics: printed.Metrics,
    stop: async () => {
      child.kill("SIGTERM");
      return exited;
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
