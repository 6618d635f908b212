import "reflect-metadata";
import { type GraphQLSchema, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGatewaySchema } from "../../schema/build-schema";
import { OperationCostCache } from "../../src/protections/operation-cost-cache";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";
import { startTestGateway, type TestGateway } from "../helpers/test-gateway";

/*
 * The cost of a document is computed once per value of the variables it depends on
 * (src/protections/operation-cost-cache.ts). These tests check that a reused cost is
 * always the one the formula gives for the request at hand (README, "Cost"), and count
 * how often the estimate runs.
 */

const PAGE_AND_CASE = `query PageAndCase($n: Int, $id: ID!, $withTitle: Boolean!) {
  cases(first: $n) { edges { node { id title @include(if: $withTitle) } } }
  case(id: $id) { id }
}`;

/** The formula, worked out for PAGE_AND_CASE: cases 1 + n × (edges 1 + node (1 + id 1 [+ title 1])); case 1 + id 1. */
function expectedCost(n: number | null | undefined, withTitle: boolean): number {
  const page = n ?? 20;
  const node = 1 + 1 + (withTitle ? 1 : 0);
  return 1 + page * (1 + node) + 2;
}

describe("a cached cost is the formula's cost for every request", () => {
  let database: TestDatabase;
  let priced: TestGateway;

  beforeAll(async () => {
    database = await openTestDatabase("cost_cache");
    priced = await startTestGateway(database, { protections: { maxCost: 1 } });
  });

  afterAll(async () => {
    await priced?.stop();
    await database?.close();
  });

  // Repeats and alternations, so that a value cached for one request would show in the next.
  const requests: Array<{ n?: number | null; id: string; withTitle: boolean }> = [
    { n: 5, id: "000000000000000000000001", withTitle: false },
    { n: 5, id: "000000000000000000000002", withTitle: false },
    { n: 7, id: "000000000000000000000002", withTitle: false },
    { n: 5, id: "000000000000000000000003", withTitle: true },
    { n: null, id: "000000000000000000000003", withTitle: true },
    { id: "000000000000000000000004", withTitle: true },
    { n: 7, id: "000000000000000000000001", withTitle: false },
    { n: 5, id: "000000000000000000000001", withTitle: false },
  ];

  it("refuses each request with the cost the formula gives it, before any database command", async () => {
    for (const variables of requests) {
      priced.resetCommands();
      const result = await priced.graphql(PAGE_AND_CASE, variables);
      expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0]?.extensions?.cost, JSON.stringify(variables)).toBe(
        expectedCost(variables.n, variables.withTitle),
      );
      expect(priced.commands).toHaveLength(0);
    }
  });
});

describe("how often the estimate runs", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGatewaySchema();
  });

  function countingEstimates(cache: OperationCostCache, query: string) {
    const document = parse(query);
    let runs = 0;
    const cost = (variables: Record<string, unknown>) =>
      cache.cost(document, variables, undefined, () => {
        runs += 1;
        return runs;
      });
    return { cost, runs: () => runs };
  }

  it("once per value of the variables the cost reads, whatever the others are", () => {
    const { cost, runs } = countingEstimates(new OperationCostCache(schema), PAGE_AND_CASE);
    for (let i = 0; i < 10; i++) cost({ n: 5, id: String(i).padStart(24, "0"), withTitle: false });
    expect(runs()).toBe(1);
    cost({ n: 6, id: "1".padStart(24, "0"), withTitle: false });
    cost({ n: 5, id: "1".padStart(24, "0"), withTitle: true });
    cost({ id: "1".padStart(24, "0"), withTitle: true });
    expect(runs()).toBe(4);
    cost({ n: 6, id: "2".padStart(24, "0"), withTitle: false });
    expect(runs()).toBe(4);
  });

  it("every time for a document whose cost reads other arguments (a trend window depends on the clock)", () => {
    const { cost, runs } = countingEstimates(
      new OperationCostCache(schema),
      "query T($types: [String!]) { alertTrends(types: $types) { count } }",
    );
    cost({ types: ["cpu"] });
    cost({ types: ["cpu"] });
    expect(runs()).toBe(2);
  });
});
