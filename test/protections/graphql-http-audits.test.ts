import { serverAudits } from "graphql-http";
import { describe, expect, it } from "vitest";
import { useTestGateway } from "../helpers/use-test-gateway";

const { gateway } = useTestGateway("graphql-http");

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
