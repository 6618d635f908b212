import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestGateway } from "../helpers/use-test-gateway";

/** The three kinds of INTERNAL_SERVER_ERROR that fuzzing found, each a named regression. */
const { db, gateway } = useTestGateway("fuzz-regressions");

async function postRaw(body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(gateway.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...gateway.authHeaders },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const codesOf = (body: any): unknown[] => (body.errors ?? []).map((e: any) => e.extensions?.code);

describe("fuzzing regressions", () => {
  it("a subscription operation on HTTP is a client error, not INTERNAL_SERVER_ERROR", async () => {
    // A valid subscription belongs on the WebSocket endpoint: over HTTP it is BAD_REQUEST.
    const valid = await postRaw({ query: "subscription { alertRaised { id } }" });
    expect(valid.status).toBe(400);
    expect(codesOf(valid.body)).toEqual(["BAD_REQUEST"]);
    // One the schema refuses (an introspection root field) fails validation, still a client error.
    const invalid = await postRaw({ query: "subscription { __typename }" });
    expect(invalid.status).toBe(400);
    expect(codesOf(invalid.body)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });

  it("an automatic persisted query whose hash does not match its query is a client error", async () => {
    const query = "{ __typename }";
    const wrong = createHash("sha256").update(`${query} `).digest("hex");
    const answer = await postRaw({
      query,
      extensions: { persistedQuery: { version: 1, sha256Hash: wrong } },
    });
    expect(answer.status).toBe(400);
    expect(codesOf(answer.body)).not.toContain("INTERNAL_SERVER_ERROR");
    expect(codesOf(answer.body)).toHaveLength(1);
  });

  it("an e-mail with a lone UTF-16 surrogate is BAD_USER_INPUT, not a URIError", async () => {
    const answer = await gateway.graphql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id email } }`,
      { input: { email: "a\ud800b@example.com", name: "Lone Surrogate" } },
    );
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
  });

  it("a lone surrogate is stored and answered the same way: as U+FFFD", async () => {
    const title = "case \ud83d with a lone high surrogate";
    const answer = await gateway.graphql(
      `mutation($input: CreateCaseInput!) { createCase(input: $input) { id title } }`,
      { input: { title, severity: "LOW" } },
    );
    expect(answer.errors).toBeUndefined();
    // The reference: WTF-16 → well-formed UTF-16 replaces each lone surrogate by U+FFFD.
    const expected = title.replace(/[\ud800-\udfff]/g, "\ufffd");
    expect(answer.data.createCase.title).toBe(expected);
    const stored = await db.collection("cases").findOne({}, { sort: { _id: -1 } });
    expect(stored?.title).toBe(expected);
  });
});
