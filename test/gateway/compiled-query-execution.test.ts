import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { UserRole } from "../../src/domain/user-role.enum";
import { loadConfig } from "../../src/config";
import { bearer } from "../helpers/test-jwt";
import type { TestGateway } from "../helpers/test-gateway";
import { useGatewayOver } from "../helpers/use-gateway-over";
import { configErrorOf } from "../helpers/config-error-of";
import { useIncidentGateway } from "./fixtures/use-incident-gateway";

/*
 * Queries run compiled by graphql-jit (COMPILED_QUERY_CACHE_SIZE, default 1000). The
 * reference is graphql-js itself: a second gateway over the same database with
 * COMPILED_QUERY_CACHE_SIZE=0 interprets every operation, and every answer — data, errors
 * with their messages, paths, locations and codes, HTTP status — must be the same.
 */
const {
  database,
  gateway: compiled,
  fixture,
} = useIncidentGateway("compiled-query-execution", {
  users: 8,
  cases: 30,
  alerts: 150,
  seed: 11,
});
const interpreted = useGatewayOver(database, { compiledQueryCacheSize: 0 });

/** Both gateways' answers to one request, asked twice of the compiled one (compile, then reuse). */
async function bothAnswers(
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  const first = await compiled.graphql(query, variables, headers);
  const again = await compiled.graphql(query, variables, headers);
  const reference = await interpreted.graphql(query, variables, headers);
  return {
    compiled: [first.status, first.body],
    again: [again.status, again.body],
    reference: [reference.status, reference.body],
  };
}

const CASE_FIELDS = `fragment CaseFields on Case {
  id title description status severity priority tags metadata createdAt updatedAt resolvedAt resolutionTimeSeconds
}`;

describe("queries compiled by graphql-jit answer as graphql-js does", () => {
  it("a case with fragments, aliases, __typename, custom scalars and relations", async () => {
    const c = fixture.cases.find((candidate) => candidate.assignee)!;
    const answers = await bothAnswers(
      `query Detail($id: ID!) {
        kind: case(id: $id) { __typename ...CaseFields
          assignee { __typename id name email role settings createdAt lastLogin }
          alerts(first: 3) { id type source severity message timestamp resolved resolution case { id } }
          open: alertCount(resolved: false) all: alertCount
        }
      }
      ${CASE_FIELDS}`,
      { id: c._id.toHexString() },
    );
    expect(answers.compiled).toEqual(answers.reference);
    expect(answers.again).toEqual(answers.reference);
    // Not an empty agreement: the compiled answer carries the stored case.
    expect((answers.compiled[1] as { data: { kind: { title: string } } }).data.kind.title).toBe(c.title);
  });

  it("a nested page with cursors, and @include/@skip both ways", async () => {
    const query = `query Page($first: Int, $withAlerts: Boolean!) {
      cases(first: $first, orderBy: { field: SEVERITY, direction: DESC }) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id severity assignee { name openCaseCount assignedCases(first: 2) { id } }
          alerts(first: 2) @include(if: $withAlerts) { id case { title } }
          alertCount @skip(if: $withAlerts) } }
      }
    }`;
    for (const withAlerts of [true, false]) {
      const answers = await bothAnswers(query, { first: 12, withAlerts });
      expect(answers.compiled).toEqual(answers.reference);
      expect(answers.again).toEqual(answers.reference);
    }
  });

  it("refusals: a field the role may not see, a bad id, a page too large, variables that do not coerce", async () => {
    const viewer = await bearer(UserRole.VIEWER);
    const someone = fixture.users[0]!._id.toHexString();
    const requests: [string, Record<string, unknown>?, Record<string, string>?][] = [
      [`query { users(first: 2) { edges { node { id } } } }`, undefined, viewer],
      [`query($id: ID!) { user(id: $id) { id name email } }`, { id: someone }, viewer],
      [`query { case(id: "not-an-id") { id } }`],
      [`query { cases(first: 100000) { edges { node { id } } } }`],
      [`query($id: ID!) { case(id: $id) { id } }`, {}],
      [`query($first: Int) { cases(first: $first) { totalCount } }`, { first: "many" }],
      [`query { case(id: "000000000000000000000000") { id title } }`],
    ];
    for (const [query, variables, headers] of requests) {
      const answers = await bothAnswers(query, variables, headers);
      expect(answers.compiled).toEqual(answers.reference);
      expect(answers.again).toEqual(answers.reference);
    }
  });

  it("operation names: the chosen one of several, one no operation has, an empty one", async () => {
    const post = async (gateway: TestGateway, body: Record<string, unknown>) => {
      const response = await fetch(gateway.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...gateway.authHeaders },
        body: JSON.stringify(body),
      });
      return [response.status, await response.json()];
    };
    const two = `query A { me { role } } query B { cases(first: 1) { totalCount } }`;
    const bodies = [
      { query: two, operationName: "B" },
      { query: two, operationName: "A" },
      { query: two },
      { query: `{ __typename }`, operationName: "nope" },
      { query: `{ __typename }`, operationName: "" },
    ];
    for (const body of bodies) {
      const reference = await post(interpreted, body);
      expect(await post(compiled, body)).toEqual(reference);
      expect(await post(compiled, body)).toEqual(reference);
    }
  });

  it("a stored value the schema cannot represent: the same masked error, path and null propagation", async () => {
    const broken = { ...fixture.cases[0]!, _id: new ObjectId(), severity: "catastrophic" as never };
    await database.db.collection("cases").insertOne(broken, { bypassDocumentValidation: true });
    try {
      const answers = await bothAnswers(`query($id: ID!) { case(id: $id) { title severity } }`, {
        id: broken._id.toHexString(),
      });
      expect(answers.compiled).toEqual(answers.reference);
      expect(answers.again).toEqual(answers.reference);
      expect(answers.compiled[0]).toBe(200);
    } finally {
      await database.db.collection("cases").deleteOne({ _id: broken._id });
    }
  });

  it("introspection, the caller, analytics and a mutation (which graphql-js runs)", async () => {
    const requests: [string, Record<string, unknown>?][] = [
      [`{ __type(name: "Case") { name fields { name type { name kind ofType { name } } } } }`],
      [`{ me { kind role } }`],
      [`{ caseStatistics { status severity count avgResolutionTimeSeconds } }`],
      [
        `query($from: DateTime, $to: DateTime) { alertTrends(from: $from, to: $to, granularity: DAY, timezone: "Europe/Berlin", fillGaps: true) { bucket date type count } }`,
        { from: "2025-06-20T00:00:00.000Z", to: "2025-06-30T12:00:00.000Z" },
      ],
    ];
    for (const [query, variables] of requests) {
      const answers = await bothAnswers(query, variables);
      expect(answers.compiled).toEqual(answers.reference);
    }
    // Writes go through graphql-js in both: each gateway tags a case of its own, in order.
    const [one, two] = fixture.cases.slice(-2);
    const tag = (gateway: TestGateway, id: string) =>
      gateway.graphql(
        `mutation($id: ID!) { a: addCaseTags(id: $id, tags: ["jit-a"]) { tags } b: addCaseTags(id: $id, tags: ["jit-b"]) { tags } }`,
        { id },
      );
    const viaCompiled = await tag(compiled, one!._id.toHexString());
    const viaInterpreted = await tag(interpreted, two!._id.toHexString());
    expect(viaCompiled.errors).toBeUndefined();
    expect(viaCompiled.data.b.tags).toEqual([...one!.tags, "jit-a", "jit-b"]);
    expect(viaInterpreted.data.b.tags).toEqual([...two!.tags, "jit-a", "jit-b"]);
  });
});

describe("COMPILED_QUERY_CACHE_SIZE", () => {
  it("defaults to 1000, 0 turns compilation off, and a bad value is refused with the others", () => {
    expect(loadConfig({}).compiledQueryCacheSize).toBe(1000);
    expect(loadConfig({ COMPILED_QUERY_CACHE_SIZE: "0" }).compiledQueryCacheSize).toBe(0);
    const { message } = configErrorOf({ COMPILED_QUERY_CACHE_SIZE: "-1", MAX_DEPTH: "0" });
    expect(message).toMatch(/COMPILED_QUERY_CACHE_SIZE/);
    expect(message).toMatch(/MAX_DEPTH/);
  });
});
