import { readFileSync } from "node:fs";
import type { CommandStartedEvent } from "mongodb";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { PERSISTED_DOCUMENTS_FILE } from "../../src/protections/persisted-documents";
import { startTestGateway } from "../helpers/test-gateway";
import { useTestGateway } from "../helpers/use-test-gateway";
import {
  buildIncidentFixture,
  type IncidentFixture,
  insertIncidentFixture,
} from "../gateway/fixtures/incident-fixture";
import { parsePrometheusText, type Sample, valueOf } from "./support/prometheus-text";

const TOKEN = "metrics-token-0123456789abcdef";
const MAX_DEPTH = 5;

const observability = (overrides: Partial<ReturnType<typeof loadConfig>["observability"]>) => ({
  ...loadConfig({}).observability,
  ...overrides,
});

let fixture: IncidentFixture;
const { database, gateway } = useTestGateway("metrics_endpoint", {
  seed: async (db) => {
    fixture = buildIncidentFixture({ users: 6, cases: 20, alerts: 30, seed: 16 });
    await insertIncidentFixture(db, fixture);
  },
  gateway: {
    observability: observability({ metricsToken: TOKEN }),
    protections: { maxDepth: MAX_DEPTH },
  },
});

async function scrape(url: string, token: string | undefined = TOKEN): Promise<Sample[]> {
  const response = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await response.text());
}

/** The test's own reading of a command's collection: the value of its first field, getMore's `collection`. */
function collectionOfCommand(event: CommandStartedEvent): string {
  const target =
    event.commandName === "getMore" ? event.command.collection : event.command[event.commandName];
  return typeof target === "string" ? target : "";
}

describe("GET /metrics (METRICS_TOKEN on the public port)", () => {
  it("counts requests, errors by code, refusals and database commands exactly", async () => {
    const metricsUrl = `${gateway.url}/metrics`;
    const before = await scrape(metricsUrl);
    gateway.resetCommands();

    const ids = `query CaseIds { cases(first: 3) { edges { node { id } } } }`;
    for (let i = 0; i < 2; i += 1) expect((await gateway.graphql(ids)).errors).toBeUndefined();
    const nested = await gateway.graphql<{
      cases: { edges: { node: { id: string; assignee: { name: string } | null } }[] };
    }>(`query Nested { cases(first: 5) { edges { node { id assignee { name } } } } }`);
    expect(nested.errors).toBeUndefined();
    // Too deep for MAX_DEPTH: refused by validation, before any resolver.
    const deep = await gateway.graphql(
      `query Deep { cases(first: 1) { edges { node { assignee { cases { assignee { name } } } } } } }`,
    );
    const deepErrors = deep.errors ?? [];
    expect(deepErrors.every((error) => error.extensions?.code === "GRAPHQL_VALIDATION_FAILED")).toBe(true);
    expect(deepErrors.filter((error) => error.extensions?.limit === "MAX_DEPTH")).toHaveLength(1);
    const badId = await gateway.graphql(`query BadId { case(id: "not-an-id") { id } }`);
    expect(badId.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const anonymous = await gateway.graphql(`{ cases(first: 1) { edges { node { id } } } }`, undefined, {
      authorization: "",
    });
    expect(anonymous.status).toBe(401);

    const commands = [...gateway.commands];
    const after = await scrape(metricsUrl);
    const delta = (name: string, labels: Record<string, string> = {}) =>
      valueOf(after, name, labels) - valueOf(before, name, labels);

    const requests = "jupiter_graphql_requests_total";
    expect(delta(requests, { operation_name: "CaseIds", operation_type: "query", outcome: "ok" })).toBe(2);
    expect(delta(requests, { operation_name: "Nested", operation_type: "query", outcome: "ok" })).toBe(1);
    expect(
      delta(requests, {
        operation_name: "Deep",
        operation_type: "query",
        outcome: "GRAPHQL_VALIDATION_FAILED",
      }),
    ).toBe(1);
    expect(
      delta(requests, { operation_name: "BadId", operation_type: "query", outcome: "BAD_USER_INPUT" }),
    ).toBe(1);
    expect(
      delta(requests, { operation_name: "anonymous", operation_type: "unknown", outcome: "UNAUTHENTICATED" }),
    ).toBe(1);
    expect(delta("jupiter_graphql_request_duration_seconds_count", { operation_name: "CaseIds" })).toBe(2);

    expect(delta("jupiter_graphql_errors_total", { code: "GRAPHQL_VALIDATION_FAILED" })).toBe(
      deepErrors.length,
    );
    expect(delta("jupiter_graphql_errors_total", { code: "BAD_USER_INPUT" })).toBe(1);
    expect(delta("jupiter_graphql_errors_total", { code: "UNAUTHENTICATED" })).toBe(1);
    expect(delta("jupiter_requests_refused_total", { reason: "depth" })).toBe(1);
    expect(delta("jupiter_requests_refused_total", { reason: "auth" })).toBe(1);

    // Database commands: the test's own count of what the driver sent, per name and collection.
    const expected = new Map<string, number>();
    for (const event of commands) {
      const key = `${event.commandName}\u0000${collectionOfCommand(event)}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    expect(expected.get(`find\u0000cases`) ?? 0).toBeGreaterThanOrEqual(3);
    for (const [key, count] of expected) {
      const [command, collection] = key.split("\u0000") as [string, string];
      expect(delta("jupiter_db_commands_total", { command, collection }), key).toBe(count);
      expect(delta("jupiter_db_command_duration_seconds_count", { command, collection }), key).toBe(count);
    }
    const total = after
      .filter((sample) => sample.name === "jupiter_db_commands_total")
      .reduce((sum, sample) => sum + sample.value - valueOf(before, sample.name, sample.labels), 0);
    expect(total).toBe(commands.length);

    // One userById batch for the nested page: its size is the number of distinct assignees.
    const assignees = new Set(
      nested
        .data!.cases.edges.map(
          ({ node }) => fixture.cases.find((c) => c._id.toHexString() === node.id)!.assignee,
        )
        .filter((id) => id !== null)
        .map((id) => id!.toHexString()),
    );
    expect(assignees.size).toBeGreaterThan(0);
    expect(delta("jupiter_dataloader_batch_size_count", { loader: "userById" })).toBe(1);
    expect(delta("jupiter_dataloader_batch_size_sum", { loader: "userById" })).toBe(assignees.size);

    // Pool gauges and prom-client's process metrics are there.
    const names = new Set(after.map((sample) => sample.name));
    for (const name of [
      "jupiter_db_pool_connections_in_use",
      "jupiter_db_pool_connections_available",
      "jupiter_db_pool_wait_queue_size",
      "nodejs_eventloop_lag_seconds",
      "nodejs_heap_size_used_bytes",
      "process_cpu_user_seconds_total",
    ]) {
      expect(names, name).toContain(name);
    }
    expect(valueOf(after, "jupiter_db_pool_connections_available")).toBeGreaterThanOrEqual(1);
    expect(valueOf(after, "jupiter_db_pool_wait_queue_size")).toBe(0);
  });

  it("answers 401 without the token or with a wrong one, and never sends metrics then", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Bearer wrong-token-0123456789" },
      { authorization: TOKEN },
    ];
    for (const headers of attempts) {
      const response = await fetch(`${gateway.url}/metrics`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await response.text()).not.toContain("jupiter_");
    }
  });
});

describe("the metrics registrar (for the cache, rollups, subscriptions)", () => {
  it("exports what other parts register, prefixed jupiter_; works unexported when metrics are off", async () => {
    const widgets = gateway.gateway.observability.registrar.counter({
      name: "test_widgets_total",
      help: "Widgets, for the registrar's test",
      labelNames: ["kind"] as const,
    });
    widgets.inc({ kind: "blue" }, 3);
    widgets.inc({ kind: "red" });
    const samples = await scrape(`${gateway.url}/metrics`);
    expect(valueOf(samples, "jupiter_test_widgets_total", { kind: "blue" })).toBe(3);
    expect(valueOf(samples, "jupiter_test_widgets_total", { kind: "red" })).toBe(1);

    const plain = await startTestGateway(database);
    try {
      const gauge = plain.gateway.observability.registrar.gauge({ name: "test_level", help: "A level" });
      gauge.set(7);
      expect((await gauge.get()).values[0]?.value).toBe(7);
    } finally {
      await plain.stop();
    }
  });
});

/** The operation names of the trusted documents, read here with a regular expression. */
function manifestOperationNames(): string[] {
  const manifest = JSON.parse(readFileSync(PERSISTED_DOCUMENTS_FILE, "utf8")) as Record<string, string>;
  return Object.values(manifest).flatMap((text) =>
    [...text.matchAll(/(?:^|\n)\s*(?:query|mutation|subscription)\s+([_A-Za-z]\w*)/g)].map(
      (match) => match[1]!,
    ),
  );
}

describe("operation-name cardinality", () => {
  it("keeps the first METRICS_MAX_OPERATION_NAMES names and folds the rest into `other`; the project's own names always keep theirs", async () => {
    const capped = await startTestGateway(database, {
      observability: observability({ metricsToken: TOKEN, maxOperationNames: 2 }),
    });
    const known = manifestOperationNames();
    expect(known.length).toBeGreaterThan(0);
    try {
      const sent = ["First", "Second", "Third", "Fourth", null, known[0]!, "First", "Fifth", null, known[0]!];
      for (const name of sent) {
        const query = `query ${name ?? ""} { cases(first: 1) { edges { node { id } } } }`;
        expect((await capped.graphql(query)).errors).toBeUndefined();
      }
      // The reference: a set that admits two names, in arrival order.
      const expected = new Map<string, number>();
      const admitted: string[] = [];
      for (const name of sent) {
        let label = "anonymous";
        if (name !== null && known.includes(name)) label = name;
        else if (name !== null) {
          if (!admitted.includes(name) && admitted.length < 2) admitted.push(name);
          label = admitted.includes(name) ? name : "other";
        }
        expected.set(label, (expected.get(label) ?? 0) + 1);
      }
      const samples = (await scrape(`${capped.url}/metrics`)).filter(
        (sample) => sample.name === "jupiter_graphql_requests_total",
      );
      const seen = new Map(samples.map((sample) => [sample.labels.operation_name!, sample.value]));
      expect(seen).toEqual(expected);
    } finally {
      await capped.stop();
    }
  });
});

describe("METRICS_PORT", () => {
  it("serves /metrics on its own port only", async () => {
    const separate = await startTestGateway(database, { observability: observability({ metricsPort: 0 }) });
    try {
      const metricsUrl = separate.gateway.metricsUrl!;
      expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      expect(new URL(metricsUrl).port).not.toBe(new URL(separate.url).port);
      expect((await fetch(`${separate.url}/metrics`)).status).toBe(404);
      const samples = await scrape(metricsUrl, undefined);
      expect(
        samples.some(
          (sample) =>
            sample.name === "jupiter_graphql_requests_total" || sample.name.startsWith("jupiter_db_"),
        ),
      ).toBe(true);
    } finally {
      await separate.stop();
    }
    // Closed with the gateway.
    await expect(fetch(separate.gateway.metricsUrl!)).rejects.toThrow();
  });

  it("leaves /metrics unserved when neither METRICS_PORT nor METRICS_TOKEN is set", async () => {
    const plain = await startTestGateway(database);
    try {
      expect(plain.gateway.metricsUrl).toBeUndefined();
      expect((await fetch(`${plain.url}/metrics`)).status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});
