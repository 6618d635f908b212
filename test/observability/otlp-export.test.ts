import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { loadConfig } from "../../src/config";
import { graphqlUrl, startGateway } from "../../src/main";
import { useTestDatabase } from "../helpers/use-test-database";
import { signTestJwt, TEST_JWT_SECRET } from "../helpers/test-jwt";

interface Received {
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const database = useTestDatabase("otlp_export");
let collector: Server;
let collectorUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  // A stand-in OTLP/HTTP collector: records each export and accepts it.
  collector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ url: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => collector?.close(() => resolve()));
});

describe("OTLP export (OTEL_EXPORTER_OTLP_ENDPOINT)", () => {
  it("sends the spans of a request to <endpoint>/v1/traces over OTLP/HTTP, with the service name", async () => {
    const config = loadConfig({
      MONGODB_URI: database.uri,
      MONGODB_DB: database.dbName,
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "silent",
      DEMO_DATA: "never",
      JWT_SECRET: TEST_JWT_SECRET,
      OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
      OTEL_SERVICE_NAME: "jupiter-otlp-test",
    });
    const gateway = await startGateway(config, { playground: false });
    const traceId = randomBytes(16);
    try {
      const response = await fetch(graphqlUrl(gateway), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${await signTestJwt(UserRole.VIEWER)}`,
          traceparent: `00-${traceId.toString("hex")}-${randomBytes(8).toString("hex")}-01`,
        },
        body: JSON.stringify({ query: "query Exported { cases(first: 1) { edges { node { id } } } }" }),
      });
      expect(response.status).toBe(200);
    } finally {
      // Stopping flushes the batch processor: every span is exported by then.
      await gateway.stop();
    }
    const exports = received.filter((item) => item.url === "/v1/traces");
    expect(exports.length).toBeGreaterThan(0);
    // OTLP/HTTP with the JSON encoding (what @opentelemetry/exporter-trace-otlp-http sends).
    const spans: { name: string; traceId: string; service: unknown }[] = [];
    for (const item of exports) {
      expect(item.headers["content-type"]).toBe("application/json");
      const payload = JSON.parse(item.body.toString("utf8")) as {
        resourceSpans: {
          resource: { attributes: { key: string; value: { stringValue?: string } }[] };
          scopeSpans: { spans: { name: string; traceId: string }[] }[];
        }[];
      };
      for (const { resource, scopeSpans } of payload.resourceSpans) {
        const service = resource.attributes.find((attribute) => attribute.key === "service.name")?.value
          .stringValue;
        for (const scope of scopeSpans) for (const span of scope.spans) spans.push({ ...span, service });
      }
    }
    const ofRequest = spans.filter((span) => span.traceId === traceId.toString("hex"));
    for (const name of ["POST /graphql", "query Exported", "graphql.execute", "Query.cases", "find cases"]) {
      expect(
        ofRequest.map((span) => span.name),
        name,
      ).toContain(name);
    }
    for (const span of ofRequest) expect(span.service).toBe("jupiter-otlp-test");
  });
});
