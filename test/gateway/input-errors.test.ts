import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { type GraphQLResult, startTestGateway } from "../helpers/test-gateway";
import { buildIncidentFixture, insertIncidentFixture } from "./fixtures/incident-fixture";
import { useTestGateway } from "../helpers/use-test-gateway";

const { database, gateway } = useTestGateway("input-errors", {
  seed: async (db) => {
    await insertIncidentFixture(db, buildIncidentFixture({ users: 5, cases: 12, alerts: 12, seed: 3 }));
  },
});

function expectBadUserInput(result: GraphQLResult, ...fragments: (string | RegExp)[]): void {
  expect(result.errors, JSON.stringify(result.body)).toHaveLength(1);
  const [error] = result.errors!;
  expect(error!.extensions?.code).toBe("BAD_USER_INPUT");
  for (const fragment of fragments) expect(error!.message).toMatch(fragment);
  expect(JSON.stringify(error)).not.toMatch(/stacktrace|at \w+ \(/);
}

const CASES_PAGE = `query Page($orderBy: CaseOrder, $first: Int, $after: String) {
  cases(orderBy: $orderBy, first: $first, after: $after) { edges { cursor node { id } } pageInfo { endCursor } }
}`;

async function firstPageCursor(orderBy?: unknown): Promise<string> {
  const result = await gateway.graphql(CASES_PAGE, { orderBy, first: 2 });
  return result.data.cases.pageInfo.endCursor as string;
}

describe("malformed ids", () => {
  for (const [field, id] of [
    ["case", "not-an-id"],
    ["alert", "1234"],
    ["user", "zzzzzzzzzzzzzzzzzzzzzzzz"],
    ["case", "abcdefghijkl"], // 12 characters: ObjectId.isValid would accept it
  ] as const) {
    it(`${field}(id: "${id}") is BAD_USER_INPUT naming the argument`, async () => {
      const result = await gateway.graphql(`query($id: ID!) { ${field}(id: $id) { id } }`, { id });
      expectBadUserInput(result, /Argument "id"/, /24 hexadecimal/);
      expect(result.data).toEqual({ [field]: null });
    });
  }

  it("a malformed id inside a filter names its path", async () => {
    const cases = await gateway.graphql(`{ cases(filter: { assigneeId: "nope" }) { totalCount } }`);
    expectBadUserInput(cases, /Argument "filter.assigneeId"/);
    const alerts = await gateway.graphql(`{ alerts(filter: { caseId: "x" }) { totalCount } }`);
    expectBadUserInput(alerts, /Argument "filter.caseId"/);
  });

  it("a well-formed id that matches nothing is null, not an error", async () => {
    const id = new ObjectId().toHexString();
    const result = await gateway.graphql(
      `query($id: ID!) { case(id: $id) { id } alert(id: $id) { id } user(id: $id) { id } }`,
      {
        id,
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ case: null, alert: null, user: null });
  });
});

describe("cursors", () => {
  it("a cursor that is not one of ours is an invalid cursor", async () => {
    for (const after of [
      "garbage",
      "",
      "eyJ2IjoxfQ",
      Buffer.from(
        '{"v":1,"o":"cases:CREATED_AT:DESC","k":[1],"i":"0123456789abcdef01234567","m":"AAAAAAAAAAAAAAAA"}',
      ).toString("base64url"),
    ]) {
      const result = await gateway.graphql(CASES_PAGE, { after, first: 2 });
      expectBadUserInput(result, /invalid cursor/i, /"after"/);
    }
  });

  it("a real cursor whose position was edited is refused", async () => {
    const cursor = await firstPageCursor();
    const payload = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    payload.k = [payload.k[0] - 1];
    const forged = Buffer.from(JSON.stringify(payload)).toString("base64url");
    expectBadUserInput(await gateway.graphql(CASES_PAGE, { after: forged, first: 2 }), /invalid cursor/i);
    const truncated = cursor.slice(0, -3);
    expectBadUserInput(await gateway.graphql(CASES_PAGE, { after: truncated, first: 2 }), /invalid cursor/i);
  });

  it("a cursor from another ordering is refused", async () => {
    const byCreated = await firstPageCursor();
    const result = await gateway.graphql(CASES_PAGE, {
      orderBy: { field: "SEVERITY" },
      after: byCreated,
      first: 2,
    });
    expectBadUserInput(result, /invalid cursor/i, /another ordering/, /CREATED_AT DESC/);
    const ascending = await gateway.graphql(CASES_PAGE, {
      orderBy: { direction: "ASC" },
      after: byCreated,
      first: 2,
    });
    expectBadUserInput(ascending, /another ordering/);
  });

  it("a cursor of cases is refused by alerts", async () => {
    const cursor = await firstPageCursor();
    const result = await gateway.graphql(`query($after: String) { alerts(after: $after) { totalCount } }`, {
      after: cursor,
    });
    expectBadUserInput(result, /another ordering/);
  });

  it("cursors are stable: the same node in the same order gets the same cursor", async () => {
    expect(await firstPageCursor({ field: "PRIORITY" })).toBe(await firstPageCursor({ field: "PRIORITY" }));
  });
});

describe("page size", () => {
  it("first over MAX_PAGE_SIZE is BAD_USER_INPUT saying the limit", async () => {
    expectBadUserInput(
      await gateway.graphql(`{ cases(first: 101) { totalCount } }`),
      /Argument "first"/,
      /at most 100/,
      /MAX_PAGE_SIZE/,
    );
    expectBadUserInput(await gateway.graphql(`{ alerts(first: 1000) { totalCount } }`), /at most 100/);
    expectBadUserInput(await gateway.graphql(`{ users(first: 101) { totalCount } }`), /at most 100/);
    expectBadUserInput(
      await gateway.graphql(`{ searchCases(query: "case", first: 101) { score } }`),
      /at most 100/,
    );
    const nested = await gateway.graphql(
      `{ cases(first: 1) { edges { node { alerts(first: 500) { id } } } } }`,
    );
    expect(nested.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(nested.errors?.[0]?.message).toMatch(/at most 100/);
  });

  it("first below 1 is BAD_USER_INPUT", async () => {
    expectBadUserInput(
      await gateway.graphql(`{ cases(first: 0) { totalCount } }`),
      /Argument "first" must be at least 1/,
    );
    expectBadUserInput(await gateway.graphql(`{ users(first: -5) { totalCount } }`), /at least 1/);
  });

  it("first: 100 is allowed and an explicit null means the default", async () => {
    const result = await gateway.graphql(
      `query($first: Int) { cases(first: $first) { edges { node { id } } } }`,
      { first: null },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.cases.edges).toHaveLength(12);
    const nullOrder = await gateway.graphql(
      `{ cases(orderBy: { field: null, direction: null }, first: 3) { edges { node { id } } } }`,
    );
    const defaultOrder = await gateway.graphql(`{ cases(first: 3) { edges { node { id } } } }`);
    expect(nullOrder.errors).toBeUndefined();
    expect(nullOrder.data).toEqual(defaultOrder.data);
    const hundred = await gateway.graphql(`{ cases(first: 100) { totalCount } }`);
    expect(hundred.errors).toBeUndefined();
  });

  it("MAX_PAGE_SIZE is configuration", async () => {
    const small = await startTestGateway(database, { maxPageSize: 5 });
    try {
      expectBadUserInput(
        await small.graphql(`{ cases(first: 6) { totalCount } }`),
        /at most 5 \(MAX_PAGE_SIZE\)/,
      );
      const ok = await small.graphql(`{ cases(first: 5) { edges { node { id } } } }`);
      expect(ok.data.cases.edges).toHaveLength(5);
    } finally {
      await small.stop();
    }
  });

  it("a blank search is BAD_USER_INPUT", async () => {
    expectBadUserInput(await gateway.graphql(`{ searchCases(query: "   ") { score } }`), /Argument "query"/);
  });

  it("GraphQL's own errors keep their codes", async () => {
    const unknownField = await gateway.graphql(`{ cases { nope } }`);
    expect(unknownField.status).toBe(400);
    expect(unknownField.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const badVariable = await gateway.graphql(`query($first: Int) { cases(first: $first) { totalCount } }`, {
      first: "ten",
    });
    expect(badVariable.status).toBe(400);
    expect(badVariable.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
