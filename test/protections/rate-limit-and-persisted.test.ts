import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { UserRole } from "../../src/domain/user-role.enum";
import { loadPersistedDocuments } from "../../src/protections/persisted-documents";
import { useTestGateway } from "../helpers/use-test-gateway";
import { bearer } from "../helpers/test-jwt";

/** The middle of the current clock minute, pinned: the rate limit's windows are clock minutes. */
const MID_MINUTE = Math.floor(Date.now() / 60_000) * 60_000 + 30_000;

describe("rate limiting (RATE_LIMIT_PER_MINUTE)", () => {
  const { gateway } = useTestGateway("ratelimit", {
    gateway: {
      protections: { rateLimitPerMinute: 3 },
      auth: { allowAnonymous: "viewer" },
      // The middle of one clock minute, for the whole test: its counts never straddle two windows.
      rateLimitClock: () => MID_MINUTE,
    },
  });

  it("the limit is served; one more is 429 with Retry-After and RATE_LIMITED, no database command", async () => {
    const alice = await bearer(UserRole.ANALYST, { sub: "00000000000000000000000a" });
    for (let i = 0; i < 3; i++) {
      const result = await gateway.graphql(`{ cases(first: 1) { totalCount } }`, undefined, alice);
      expect(result.status).toBe(200);
    }
    gateway.resetCommands();
    const limited = await gateway.graphql(`{ cases(first: 1) { totalCount } }`, undefined, alice);
    expect(limited.status).toBe(429);
    expect(limited.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(gateway.commands).toHaveLength(0);

    // Per caller: another user (even with the same IP) has their own budget.
    const bob = await bearer(UserRole.ANALYST, { sub: "00000000000000000000000b" });
    expect((await gateway.graphql(`{ __typename }`, undefined, bob)).status).toBe(200);
    // Anonymous callers share a budget per IP.
    for (let i = 0; i < 3; i++)
      expect((await gateway.graphql(`{ __typename }`, undefined, { authorization: "" })).status).toBe(200);
    expect((await gateway.graphql(`{ __typename }`, undefined, { authorization: "" })).status).toBe(429);
  });
});

describe("trusted documents (PERSISTED_QUERIES_ONLY=true)", () => {
  const manifest = loadPersistedDocuments();
  const [hash, document] = [...manifest.byHash.entries()].find(([, text]) =>
    text.startsWith("query CasesPage"),
  )!;

  const { gateway } = useTestGateway("persisted", {
    gateway: { protections: { persistedQueriesOnly: true } },
  });

  const post = (body: unknown) =>
    fetch(gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...gateway.authHeaders },
      body: JSON.stringify(body),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));

  it("a manifest document runs by sha256Hash, by documentId, and as its exact text", async () => {
    for (const body of [
      { extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables: { first: 1 } },
      { documentId: `sha256:${hash}`, variables: { first: 1 } },
      { query: document, variables: { first: 1 } },
    ]) {
      const result = await post(body);
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data.cases).toBeDefined();
    }
  });

  it("GET with the hash works too", async () => {
    const extensions = encodeURIComponent(
      JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
    );
    const response = await fetch(
      `${gateway.graphqlUrl}?extensions=${extensions}&variables=${encodeURIComponent('{"first":1}')}`,
      {
        headers: { ...gateway.authHeaders, "apollo-require-preflight": "true" },
      },
    );
    expect(response.status).toBe(200);
  });

  it("anything else is PERSISTED_QUERY_NOT_FOUND without a database command; APQ cannot register documents", async () => {
    const other = `{ cases(first: 1) { totalCount } }`;
    const otherHash = createHash("sha256").update(other).digest("hex");
    for (const body of [
      { query: other },
      { query: `${document} ` },
      { extensions: { persistedQuery: { version: 1, sha256Hash: otherHash } } },
      // APQ registration: the text with its own hash.
      { query: other, extensions: { persistedQuery: { version: 1, sha256Hash: otherHash } } },
      { documentId: "sha256:0000" },
      // A known hash with a different text.
      { query: other, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
    ]) {
      gateway.resetCommands();
      const result = await post(body);
      expect(result.status).toBe(400);
      expect(result.body.errors[0].extensions.code, JSON.stringify(body)).toBe("PERSISTED_QUERY_NOT_FOUND");
      expect(gateway.commands).toHaveLength(0);
    }
    // The registration attempt left nothing behind.
    const again = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: otherHash } } });
    expect(again.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });
});
