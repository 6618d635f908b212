import { beforeAll, describe, expect, it } from "vitest";
import { useTestGateway } from "../helpers/use-test-gateway";

let caseId: string;
let userId: string;

const { database, gateway } = useTestGateway("injection");

beforeAll(async () => {
  const created = await gateway.graphql(
    `mutation { createCase(input: { title: "target", severity: LOW }) { id } }`,
  );
  caseId = created.data.createCase.id;
  const user = await gateway.graphql(
    `mutation { createUser(input: { email: "t@example.com", name: "T" }) { id } }`,
  );
  userId = user.data.createUser.id;
});

/** Operator-shaped values a client might hope reach MongoDB as a query or update. */
const PAYLOADS: Record<string, unknown>[] = [
  { $ne: null },
  { $where: "sleep(1000) || true" },
  { $function: { body: "function() { return true }", args: [], lang: "js" } },
  { $expr: { $gt: ["$severity", 0] } },
  { "a.b": 1 },
  { nested: { $gt: "" } },
  { list: [{ $set: { role: "admin" } }] },
];

const MUTATIONS: [string, string, (value: unknown) => Record<string, unknown>][] = [
  [
    "createCase.metadata",
    `mutation($v: JSONObject) { createCase(input: { title: "x", severity: LOW, metadata: $v }) { id } }`,
    (v) => ({ v }),
  ],
  [
    "updateCase.metadata",
    `mutation($id: ID!, $v: JSONObject) { updateCase(id: $id, input: { metadata: $v }) { id } }`,
    (v) => ({ id: caseId, v }),
  ],
  [
    "createUser.settings",
    `mutation($v: JSONObject, $e: String!) { createUser(input: { email: $e, name: "x", settings: $v }) { id } }`,
    (v) => ({ v, e: `u${Math.random().toString(36).slice(2)}@example.com` }),
  ],
  [
    "updateUser.settings",
    `mutation($id: ID!, $v: JSONObject) { updateUser(id: $id, input: { settings: $v }) { id } }`,
    (v) => ({ id: userId, v }),
  ],
];

describe("operator injection through JSONObject arguments", () => {
  for (const [name, query, variables] of MUTATIONS) {
    it(`${name}: keys starting with $ or containing a dot are refused, nothing is written`, async () => {
      for (const payload of PAYLOADS) {
        const before = await database.db.collection("cases").countDocuments();
        gateway.resetCommands();
        const result = await gateway.graphql(query, variables(payload));
        expect(result.errors?.[0]?.extensions?.code, `${name} ${JSON.stringify(payload)}`).toBe(
          "BAD_USER_INPUT",
        );
        expect(
          gateway.commands.filter((c) =>
            ["insert", "update", "findAndModify", "delete"].includes(c.commandName),
          ),
        ).toEqual([]);
        expect(await database.db.collection("cases").countDocuments()).toBe(before);
      }
    });
  }

  it("operator-like values (not keys) are stored as inert data", async () => {
    const result = await gateway.graphql(
      `mutation($v: JSONObject) { createCase(input: { title: "inert", severity: LOW, metadata: $v }) { id metadata } }`,
      { v: { note: "$ne", list: ["$where", "{ $gt: 1 }"] } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.createCase.metadata).toEqual({ note: "$ne", list: ["$where", "{ $gt: 1 }"] });
  });
});

describe("typed filters: no client object reaches MongoDB as a query", () => {
  it("objects where a filter expects scalars are refused by GraphQL before any command", async () => {
    for (const payload of PAYLOADS) {
      for (const [query, variables] of [
        [`query($v: CaseFilter) { cases(filter: $v) { totalCount } }`, { v: { status: payload } }],
        [`query($v: CaseFilter) { cases(filter: $v) { totalCount } }`, { v: { assigneeId: payload } }],
        [`query($v: CaseFilter) { cases(filter: $v) { totalCount } }`, { v: payload }],
        [`query($v: ID!) { case(id: $v) { id } }`, { v: payload }],
        [`query($v: String!) { searchCases(query: $v) { score } }`, { v: payload }],
      ] as const) {
        gateway.resetCommands();
        const result = await gateway.graphql(query, variables);
        expect(result.errors?.[0]?.extensions?.code, `${query} ${JSON.stringify(variables)}`).toBe(
          "BAD_USER_INPUT",
        );
        expect(gateway.commands).toEqual([]);
      }
    }
  });

  it("regular-expression syntax in search text is plain text", async () => {
    for (const text of [".*", "(a+)+$", "[", "\\", "$where"]) {
      const result = await gateway.graphql(`query($q: String!) { searchCases(query: $q) { score } }`, {
        q: text,
      });
      expect(result.errors, text).toBeUndefined();
    }
  });
});
