import "reflect-metadata";
import { beforeAll, describe, expect, it } from "vitest";
import { buildGatewaySchema } from "../../schema/build-schema";
import { UserRole } from "../../src/domain/user-role.enum";
import { operationCost } from "../../src/protections/cost-limit";
import { Lexer, parse, Source, TokenKind } from "graphql";
import { buildIncidentFixture, insertIncidentFixture } from "../gateway/fixtures/incident-fixture";
import { bearer } from "../helpers/test-jwt";
import { startTestGateway, type TestGateway } from "../helpers/test-gateway";
import { useGatewayOver } from "../helpers/use-gateway-over";
import { useTestGateway } from "../helpers/use-test-gateway";

const { database, gateway } = useTestGateway("protections", {
  seed: async (db) => {
    await insertIncidentFixture(db, buildIncidentFixture({ users: 5, cases: 5, alerts: 20, seed: 7 }));
  },
});

/** Lexical tokens of a document, as graphql's parser counts them for maxTokens. */
function countTokens(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/** Sends a request; it must be refused with `code` and send no database command. */
async function expectRefused(
  target: TestGateway,
  query: string,
  code: string,
  variables?: Record<string, unknown>,
): Promise<void> {
  target.resetCommands();
  const result = await target.graphql(query, variables);
  expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.body).slice(0, 300)).toBe(code);
  expect(result.data ?? null).toBeNull();
  expect(target.commands.map((c) => c.commandName)).toEqual([]);
}

async function expectServed(target: TestGateway, query: string, variables?: Record<string, unknown>) {
  const result = await target.graphql(query, variables);
  expect(result.errors, JSON.stringify(result.body).slice(0, 300)).toBeUndefined();
  expect(result.status).toBe(200);
  return result;
}

/** `case { alerts { case { … } } }` nested to exactly `depth` selection levels. */
function nested(depth: number, caseId: string): string {
  let inner = "id";
  for (let level = depth - 1; level >= 1; level--) {
    const isCase = level % 2 === 1;
    if (level === 1) inner = `case(id: "${caseId}") { ${inner} }`;
    else inner = isCase ? `case { ${inner} }` : `alerts(first: 1) { ${inner} }`;
  }
  return `{ ${inner} }`;
}

describe("depth (MAX_DEPTH = 8)", () => {
  it("8 levels are served, 9 refused before any database command", async () => {
    const caseId = (await database.db.collection("cases").findOne({}))!._id.toHexString();
    await expectServed(gateway, nested(8, caseId));
    await expectRefused(gateway, nested(9, caseId), "GRAPHQL_VALIDATION_FAILED");
  });

  it("fragments count", async () => {
    const query = `{ ...A } fragment A on Query { cases(first: 1) { edges { node { ...B } } } }
      fragment B on Case { alerts(first: 1) { case { alerts(first: 1) { case { alerts(first: 1) { id } } } } } }`;
    await expectRefused(gateway, query, "GRAPHQL_VALIDATION_FAILED");
  });
});

describe("aliases (MAX_ALIASES = 15)", () => {
  const aliased = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(" ")} cases(first: 1) { totalCount } }`;
  it("15 are served, 16 refused", async () => {
    await expectServed(gateway, aliased(15));
    await expectRefused(gateway, aliased(16), "GRAPHQL_VALIDATION_FAILED");
  });
});

describe("directives (MAX_DIRECTIVES = 50)", () => {
  const directed = (n: number) =>
    `{ cases(first: 1) { totalCount } ${Array.from({ length: n }, () => "__typename @include(if: true)").join(" ")} }`;
  it("50 are served, 51 refused", async () => {
    await expectServed(gateway, directed(50));
    await expectRefused(gateway, directed(51), "GRAPHQL_VALIDATION_FAILED");
  });
});

describe("tokens (MAX_TOKENS = 2000)", () => {
  // Tokens that graphql's validation does not multiply (repeated fields would trip its
  // overlap check): a variable's default list, used by a skipped field.
  const withItems = (items: number) =>
    `query($v: [String!] = [${'"a" '.repeat(items)}]) { alertTrends(types: $v) @skip(if: true) { count } cases(first: 1) { totalCount } }`;
  const tokens = (n: number) => {
    const base = countTokens(withItems(0));
    return withItems(n - base);
  };
  it("2,000 tokens are served, 2,001 refused by the parser", async () => {
    expect(countTokens(tokens(2000))).toBe(2000);
    await expectServed(gateway, tokens(2000));
    await expectRefused(gateway, tokens(2001), "GRAPHQL_PARSE_FAILED");
  });

  it("the playground's introspection query passes", async () => {
    const { getIntrospectionQuery } = await import("graphql");
    const query = getIntrospectionQuery({
      descriptions: true,
      inputValueDeprecation: true,
      schemaDescription: true,
      directiveIsRepeatable: true,
      specifiedByUrl: true,
      oneOf: true,
    });
    const result = await gateway.graphql(query);
    expect(result.errors).toBeUndefined();
    expect(result.data.__schema.queryType.name).toBe("Query");
  });
});

describe("document size (MAX_DOCUMENT_BYTES = 16 KiB)", () => {
  const sized = (bytes: number) => {
    const head = "{ cases(first: 1) { totalCount } }\n#";
    return head + "x".repeat(bytes - head.length);
  };
  it("16,384 bytes are served, 16,385 refused", async () => {
    await expectServed(gateway, sized(16_384));
    await expectRefused(gateway, sized(16_385), "BAD_USER_INPUT");
  });
});

describe("request body (MAX_BODY_BYTES = 1 MiB)", () => {
  const post = (bytes: number) => {
    const head = `{"query":"{ cases(first: 1) { totalCount } }","variables":{"pad":"`;
    const tail = `"}}`;
    const body = head + "x".repeat(bytes - head.length - tail.length) + tail;
    return fetch(gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...gateway.authHeaders },
      body,
    });
  };
  it("1 MiB is served, one byte more is 413 without a database command", async () => {
    expect((await post(1_048_576)).status).toBe(200);
    gateway.resetCommands();
    expect((await post(1_048_577)).status).toBe(413);
    expect(gateway.commands).toHaveLength(0);
  });
});

describe("cost (MAX_COST = 5000)", () => {
  const query = `{ cases(first: 50) { edges { node { id alerts(first: 20) { id severity } } } } }`;
  let cost: number;
  beforeAll(async () => {
    cost = operationCost(await buildGatewaySchema(), parse(query), {}, undefined);
  });
  // Started after the cost is known, at and one below it.
  const atLimit = useGatewayOver(database, () => ({ protections: { maxCost: cost } }));
  const belowLimit = useGatewayOver(database, () => ({ protections: { maxCost: cost - 1 } }));

  it("a list costs its `first` times its children", () => {
    // cases: 1 + 50 × (edges: 1 + node: 1 + id + alerts: 1 + 20 × 2)
    expect(cost).toBeGreaterThan(50 * 20 * 2);
  });

  it("an operation at the limit is served; one over it refused before execution", async () => {
    await expectServed(atLimit, query);
    await expectRefused(belowLimit, query, "BAD_USER_INPUT");
  });

  it("variables count: first from a variable", async () => {
    const withVariable = `query($n: Int!) { cases(first: $n) { edges { node { id alerts(first: 20) { id severity } } } } }`;
    await expectServed(atLimit, withVariable, { n: 50 });
    await expectRefused(atLimit, withVariable, "BAD_USER_INPUT", { n: 51 });
  });

  it("the default limit refuses a nested 100 × 100 page", async () => {
    await expectRefused(
      gateway,
      `{ cases(first: 100) { edges { node { alerts(first: 100) { id case { id } } } } } }`,
      "BAD_USER_INPUT",
    );
  });
});

describe("page sizes: first between 1 and 100 on every list", () => {
  let caseId = "";
  beforeAll(async () => {
    caseId = (await database.db.collection("cases").findOne({}))!._id.toHexString();
  });
  const lists = [
    (n: number) => `{ cases(first: ${n}) { totalCount } }`,
    (n: number) => `{ alerts(first: ${n}) { totalCount } }`,
    (n: number) => `{ users(first: ${n}) { totalCount } }`,
    (n: number) => `{ auditLog(first: ${n}) { totalCount } }`,
    (n: number) => `{ searchCases(query: "disk", first: ${n}) { score } }`,
    (n: number) => `{ case(id: "${caseId}") { alerts(first: ${n}) { id } } }`,
    (n: number) => `{ users(first: 1) { edges { node { assignedCases(first: ${n}) { id } } } } }`,
  ];
  it("0 and 101 are BAD_USER_INPUT; 1 and 100 are served", async () => {
    for (const list of lists) {
      for (const n of [0, 101]) {
        const result = await gateway.graphql(list(n));
        expect(result.errors?.[0]?.extensions?.code, list(n)).toBe("BAD_USER_INPUT");
      }
      for (const n of [1, 100]) {
        const result = await gateway.graphql(list(n));
        expect(result.errors, list(n)).toBeUndefined();
      }
    }
  });
});

describe("maxTimeMS", () => {
  it("every read command the gateway sends carries maxTimeMS", async () => {
    gateway.resetCommands();
    await expectServed(
      gateway,
      `{ cases(first: 5) { totalCount edges { node { assignee { name } alerts(first: 2) { id } alertCount } } }
         alerts(first: 3) { totalCount } users(first: 2) { totalCount edges { node { openCaseCount assignedCases(first: 2) { id } } } }
         searchCases(query: "disk") { score } caseStatistics { count } alertTrends { count } alertSeverityBreakdown { count }
         auditLog(first: 1) { totalCount } }`,
    );
    const reads = gateway.commands.filter((c) =>
      ["find", "aggregate", "count", "distinct"].includes(c.commandName),
    );
    expect(reads.length).toBeGreaterThan(5);
    for (const command of reads)
      expect(command.command.maxTimeMS, JSON.stringify(command.command)).toBeGreaterThan(0);
  });
});

describe("production (NODE_ENV=production)", () => {
  const production = useGatewayOver(database, { protections: { production: true } });

  it("introspection is refused below ANALYST, allowed from ANALYST; __typename always works", async () => {
    const query = `{ __schema { queryType { name } } }`;
    for (const role of [UserRole.VIEWER]) {
      production.resetCommands();
      const result = await production.graphql(query, undefined, await bearer(role));
      expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(result.status).toBe(403);
      const typeQuery = await production.graphql(
        `{ __type(name: "Case") { name } }`,
        undefined,
        await bearer(role),
      );
      expect(typeQuery.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(production.commands).toHaveLength(0);
      const typename = await production.graphql(`{ __typename }`, undefined, await bearer(role));
      expect(typename.data).toEqual({ __typename: "Query" });
    }
    for (const role of [UserRole.ANALYST, UserRole.RESPONDER, UserRole.ADMIN]) {
      const result = await production.graphql(query, undefined, await bearer(role));
      expect(result.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    }
  });

  it("no 'Did you mean' suggestions in production; present elsewhere", async () => {
    const typo = `{ casess(first: 1) { totalCount } }`;
    const prod = await production.graphql(typo);
    expect(prod.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect(prod.errors?.[0]?.message).toMatch(/Cannot query field "casess"/);
    const dev = await gateway.graphql(typo);
    expect(dev.errors?.[0]?.message).toMatch(/Did you mean/);
  });

  it("no stack traces in errors", async () => {
    for (const target of [production, gateway]) {
      const result = await target.graphql(`{ case(id: "nope") { id } }`);
      expect(JSON.stringify(result.body)).not.toMatch(/stacktrace|\bat .*\.ts:/);
    }
  });
});

describe("HTTP: CSRF, batching, CORS", () => {
  it("CSRF prevention: a simple (text/plain) POST is refused", async () => {
    gateway.resetCommands();
    const response = await fetch(gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "text/plain", ...gateway.authHeaders },
      body: JSON.stringify({ query: "{ cases(first: 1) { totalCount } }" }),
    });
    expect(response.status).toBe(400);
    expect(gateway.commands).toHaveLength(0);
  });

  const batch = (target: TestGateway) =>
    fetch(target.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...target.authHeaders },
      body: JSON.stringify([{ query: "{ cases(first: 1) { totalCount } }" }, { query: "{ __typename }" }]),
    });

  it("batching is off by default, on with ALLOW_BATCHING=true", async () => {
    gateway.resetCommands();
    const refused = await batch(gateway);
    expect(refused.status).toBe(400);
    expect(gateway.commands).toHaveLength(0);
    const batching = await startTestGateway(database, { protections: { allowBatching: true } });
    try {
      const served = await batch(batching);
      expect(served.status).toBe(200);
      expect(((await served.json()) as unknown[]).length).toBe(2);
    } finally {
      await batching.stop();
    }
  });

  it("CORS: no CORS headers by default; CORS_ORIGINS lists the allowed origins", async () => {
    const preflight = (url: string, origin: string) =>
      fetch(url, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type",
        },
      });
    expect(
      (await preflight(gateway.graphqlUrl, "https://app.example")).headers.get("access-control-allow-origin"),
    ).toBeNull();
    const cors = await startTestGateway(database, { protections: { corsOrigins: ["https://app.example"] } });
    try {
      const allowed = await preflight(cors.graphqlUrl, "https://app.example");
      expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
      expect(allowed.headers.get("access-control-allow-headers")).toMatch(/authorization/);
      const other = await preflight(cors.graphqlUrl, "https://evil.example");
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await cors.stop();
    }
  });
});
