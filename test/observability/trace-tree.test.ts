import { createHash, randomBytes } from "node:crypto";
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace";
import type { CommandStartedEvent } from "mongodb";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { ApiKeyRepository } from "../../src/auth/api-key.repository";
import { loadConfig } from "../../src/config";
import { type Gateway, graphqlUrl, startGateway } from "../../src/main";
import {
  buildIncidentFixture,
  type IncidentFixture,
  insertIncidentFixture,
} from "../gateway/fixtures/incident-fixture";
import { useTestDatabase } from "../helpers/use-test-database";
import { testGatewayConfig } from "../helpers/test-gateway";
import { signTestJwt } from "../helpers/test-jwt";
import { linesOfRequest } from "./support/lines-of-request";

const database = useTestDatabase("trace_tree");
let fixture: IncidentFixture;
let gateway: Gateway;
let token: string;
const exporter = new InMemorySpanExporter();
const commands: CommandStartedEvent[] = [];

/** A gateway with tracing on (the OTLP endpoint is never called: the spans go to memory). */
async function startTracedGateway(
  sampler: "parentbased_always_on" | "parentbased_always_off",
  spanProcessor: SpanProcessor = new SimpleSpanProcessor({ exporter }),
  logStream?: { write(line: string): void },
) {
  // Every command is one request's: no response cache and no rollup refresh (testGatewayConfig's defaults).
  const config = testGatewayConfig(database, {
    logLevel: logStream ? "info" : "silent",
    observability: {
      ...loadConfig({}).observability,
      tracing: {
        tracesEndpoint: "http://127.0.0.1:9/v1/traces",
        serviceName: "jupiter-test",
        sampler,
        samplerRatio: 1,
      },
    },
  });
  return startGateway(config, { playground: false, spanProcessor, logStream });
}

beforeAll(async () => {
  fixture = buildIncidentFixture({ users: 5, cases: 12, alerts: 40, seed: 61 });
  for (const c of fixture.cases) c.assignee = fixture.users[0]!._id;
  await insertIncidentFixture(database.db, fixture);
  token = await signTestJwt(UserRole.ADMIN);
  gateway = await startTracedGateway("parentbased_always_on");
  gateway.client.on("commandStarted", (event) => commands.push(event));
});

afterAll(async () => {
  await gateway?.stop();
});

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: unknown[] } };
}

/** The spans of one trace, once its HTTP server span (the last to end) is exported. */
async function traceOf(traceId: string): Promise<ReadableSpan[]> {
  await vi.waitFor(() => {
    const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    expect(spans.some((span) => span.name === "POST /graphql")).toBe(true);
  });
  return exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
}

const PAGE = `query CasePage {
  cases(first: 3) {
    edges { node { id title assignee { name } alerts(first: 2) { id } } }
  }
}`;

describe("traces (in-memory span exporter)", () => {
  it("one nested page query: request → operation → parse/validate/execute → resolvers → MongoDB commands", async () => {
    const traceId = randomBytes(16).toString("hex");
    const parentId = randomBytes(8).toString("hex");
    commands.length = 0;
    const { status, body } = await post(graphqlUrl(gateway), PAGE, {
      traceparent: `00-${traceId}-${parentId}-01`,
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const sent = [...commands];
    const spans = await traceOf(traceId);

    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const parentOf = (span: ReadableSpan) => byId.get(span.parentSpanContext?.spanId ?? "");
    const named = (name: string) => spans.filter((span) => span.name === name);
    const only = (name: string) => {
      const found = named(name);
      expect(found, name).toHaveLength(1);
      return found[0]!;
    };

    // The HTTP span continues the caller's trace: its parent is the traceparent's span.
    const http = only("POST /graphql");
    expect(http.parentSpanContext?.spanId).toBe(parentId);
    expect(http.attributes["http.response.status_code"]).toBe(200);
    // Every other span hangs, directly or not, from it: one tree.
    for (const span of spans) {
      if (span === http) continue;
      expect(parentOf(span), span.name).toBeDefined();
    }

    const operation = only("query CasePage");
    expect(parentOf(operation)).toBe(http);
    expect(operation.attributes["graphql.operation.name"]).toBe("CasePage");
    expect(operation.attributes["graphql.operation.type"]).toBe("query");
    expect(operation.attributes["graphql.outcome"]).toBe("ok");
    // Apollo's document hash: the sha256 of the query text.
    expect(operation.attributes["graphql.document.hash"]).toBe(
      createHash("sha256").update(PAGE).digest("hex"),
    );
    for (const phase of ["graphql.parse", "graphql.validate", "graphql.execute"]) {
      expect(parentOf(only(phase)), phase).toBe(operation);
    }
    const execute = only("graphql.execute");

    // Resolver spans: the root field, and one per relation field of each node; no scalar fields.
    const root = only("Query.cases");
    expect(parentOf(root)).toBe(execute);
    const nodes = body.data.cases.edges.length as number;
    expect(nodes).toBe(3);
    for (const name of ["Case.assignee", "Case.alerts"]) {
      const fields = named(name);
      expect(fields, name).toHaveLength(nodes);
      for (const field of fields) expect(parentOf(field)).toBe(root);
    }
    expect(spans.some((span) => /^Case\.(id|title)$|^User\.name$|^Alert\.id$/.test(span.name))).toBe(false);

    // MongoDB: one CLIENT span per command the driver sent for the request, each under
    // the resolver that caused it (a DataLoader batch under the first field that asked).
    const dbSpans = spans.filter((span) => span.attributes["db.system.name"] === "mongodb");
    expect(dbSpans.map((span) => span.attributes["db.operation.name"]).sort()).toEqual(
      sent.map((event) => event.commandName).sort(),
    );
    const underField = (span: ReadableSpan) => parentOf(span)?.name;
    const casesCommand = dbSpans.filter((span) => span.attributes["db.collection.name"] === "cases");
    expect(casesCommand.length).toBeGreaterThan(0);
    for (const span of casesCommand) expect(underField(span)).toBe("Query.cases");
    for (const span of dbSpans.filter((span) => span.attributes["db.collection.name"] === "users")) {
      expect(underField(span)).toBe("Case.assignee");
    }
    for (const span of dbSpans.filter((span) => span.attributes["db.collection.name"] === "alerts")) {
      expect(underField(span)).toBe("Case.alerts");
    }
    for (const span of dbSpans) {
      expect(span.attributes["db.namespace"]).toBe(gateway.db.databaseName);
      expect(JSON.stringify(span.attributes)).not.toMatch(/\$in|filter/);
    }
  });

  it("starts a new trace without traceparent, and honours an unsampled traceparent (parentbased sampler)", async () => {
    exporter.reset();
    const fresh = await post(graphqlUrl(gateway), `query One { cases(first: 1) { edges { node { id } } } }`);
    expect(fresh.status).toBe(200);
    await vi.waitFor(() =>
      expect(exporter.getFinishedSpans().some((span) => span.name === "POST /graphql")).toBe(true),
    );
    const http = exporter.getFinishedSpans().find((span) => span.name === "POST /graphql")!;
    expect(http.parentSpanContext).toBeUndefined();

    exporter.reset();
    const traceId = randomBytes(16).toString("hex");
    const unsampled = await post(
      graphqlUrl(gateway),
      `query Two { cases(first: 1) { edges { node { id } } } }`,
      {
        traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-00`,
      },
    );
    expect(unsampled.status).toBe(200);
    // A later sampled request proves the unsampled one had its chance to be exported.
    const marker = randomBytes(16).toString("hex");
    await post(graphqlUrl(gateway), `query Three { cases(first: 1) { edges { node { id } } } }`, {
      traceparent: `00-${marker}-${randomBytes(8).toString("hex")}-01`,
    });
    await traceOf(marker);
    expect(exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId)).toEqual([]);
  });

  it("an API key's lookup, before GraphQL runs, is a child of the request's span", async () => {
    const { key } = await new ApiKeyRepository(database.db).create("tracing", UserRole.VIEWER);
    const traceId = randomBytes(16).toString("hex");
    const result = await post(
      graphqlUrl(gateway),
      `query ByKey { cases(first: 1) { edges { node { id } } } }`,
      {
        authorization: `ApiKey ${key}`,
        traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01`,
      },
    );
    expect(result.status).toBe(200);
    const spans = await traceOf(traceId);
    const http = spans.find((span) => span.name === "POST /graphql")!;
    const lookups = spans.filter(
      (span) =>
        span.attributes["db.collection.name"] === "api_keys" &&
        span.attributes["db.operation.name"] === "find",
    );
    expect(lookups).toHaveLength(1);
    expect(lookups[0]!.parentSpanContext?.spanId).toBe(http.spanContext().spanId);
  });

  it("every log line of a request carries the trace id of its span", async () => {
    const lines: { msg: string; request_id?: string; trace_id?: string }[] = [];
    const logged = await startTracedGateway("parentbased_always_on", new SimpleSpanProcessor({ exporter }), {
      write: (line) => void lines.push(JSON.parse(line) as (typeof lines)[number]),
    });
    try {
      const requestId = `trace-log-${randomBytes(4).toString("hex")}`;
      const result = await post(
        graphqlUrl(logged),
        `query Logged { cases(first: 1) { edges { node { id } } } }`,
        {
          "x-request-id": requestId,
        },
      );
      expect(result.status).toBe(200);
      const mine = await linesOfRequest(lines, requestId);
      expect(mine.map((line) => line.msg)).toEqual([
        "incoming request",
        "graphql request",
        "request completed",
      ]);
      const traceIds = new Set(mine.map((line) => line.trace_id));
      expect(traceIds.size).toBe(1);
      const [traceId] = [...traceIds];
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      const spans = await traceOf(traceId!);
      expect(spans.some((span) => span.name === "query Logged")).toBe(true);
    } finally {
      await logged.stop();
    }
  });

  it("records nothing with OTEL_TRACES_SAMPLER=parentbased_always_off", async () => {
    // Sees every span that ends, sampled or recorded (the exporter only sees sampled ones).
    const ended: ReadableSpan[] = [];
    const recorder: SpanProcessor = {
      onStart: () => undefined,
      onEnd: (span) => void ended.push(span),
      forceFlush: async () => undefined,
      shutdown: async () => undefined,
    };
    const off = await startTracedGateway("parentbased_always_off", recorder);
    try {
      const result = await post(graphqlUrl(off), `query Off { cases(first: 1) { edges { node { id } } } }`);
      expect(result.status).toBe(200);
      const sampled = await post(graphqlUrl(off), `query Off { cases(first: 1) { edges { node { id } } } }`, {
        traceparent: `00-${randomBytes(16).toString("hex")}-${randomBytes(8).toString("hex")}-00`,
      });
      expect(sampled.status).toBe(200);
    } finally {
      // Stopping waits for the requests' last hooks, where the HTTP spans end.
      await off.stop();
    }
    expect(ended).toEqual([]);
  });
});
