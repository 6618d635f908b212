import { describe, expect, it } from "vitest";
import { useTestGateway } from "../helpers/use-test-gateway";

/**
 * Answers say `cache-control: no-store` unless the response cache set its own header
 * (test/cache covers that one): what Apollo's built-in cache-control plugin answered for
 * this schema (it declares no cache hints), now set once per response instead of per field.
 */
const { gateway } = useTestGateway("uncacheable-by-default");

describe("cache-control of GraphQL answers", () => {
  it("is no-store for a query, an error and a refused document", async () => {
    const answered = await gateway.graphql(`{ cases(first: 1) { edges { node { id } } } }`);
    expect(answered.status).toBe(200);
    expect(answered.headers.get("cache-control")).toBe("no-store");

    const failed = await gateway.graphql(`{ case(id: "not-an-id") { id } }`);
    expect(failed.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(failed.headers.get("cache-control")).toBe("no-store");

    const invalid = await gateway.graphql(`{ noSuchField }`);
    expect(invalid.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(invalid.headers.get("cache-control")).toBe("no-store");
  });
});
