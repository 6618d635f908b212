import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";
import { startTestGateway, type TestGateway } from "../helpers/test-gateway";

let database: TestDatabase;
let gateway: TestGateway;

beforeAll(async () => {
  database = await openTestDatabase("graphql-http");
  gateway = await startTestGateway(database);
});

afterAll(async () => {
  await gateway?.stop();
  await database?.close();
});

describe("GraphQL over HTTP conformance (graphql-http serverAudits)", () => {
  it("no audit fails (warnings are listed)", async () => {
    const fetchFn: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      for (const [name, value] of Object.entries(gateway.authHeaders)) headers.set(name, value);
      return fetch(input, { ...init, headers });
    };
    const audits = serverAudits({ url: gateway.graphqlUrl, fetchFn });
    const errors: string[] = [];
    const warnings: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === "error") errors.push(`${audit.name}: ${result.reason}`);
      if (result.status === "warn") warnings.push(`${audit.name}: ${result.reason}`);
    }
    if (warnings.length > 0)
      console.info(`graphql-http warnings (${warnings.length}):\n${warnings.join("\n")}`);
    expect(errors).toEqual([]);
  });
});
