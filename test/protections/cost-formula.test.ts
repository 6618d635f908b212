import "reflect-metadata";
import { getNamedType, getNullableType, isListType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { buildGatewaySchema } from "../../schema/build-schema";
import { UNPAGED_LIST_BOUNDS } from "../../src/protections/list-bounds";
import { useGatewayOver } from "../helpers/use-gateway-over";
import { useTestGateway } from "../helpers/use-test-gateway";

/** `gateway`: the default MAX_COST (5000). */
const { database, gateway } = useTestGateway("cost_formula");
/** MAX_COST = 1: every operation below is refused, and the refusal names its cost. */
const priced = useGatewayOver(database, { protections: { maxCost: 1 } });

/** The cost the gateway computed, read from its refusal; nothing reached the database. */
async function costOf(query: string, variables?: Record<string, unknown>): Promise<number> {
  priced.resetCommands();
  const result = await priced.graphql(query, variables);
  expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.body)).toBe("BAD_USER_INPUT");
  expect(result.errors?.[0]?.message).toMatch(/estimated cost is \d+; at most 1 \(MAX_COST\)/);
  expect(priced.commands).toHaveLength(0);
  return result.errors![0]!.extensions!.cost as number;
}

/*
 * The formula (README, "Cost"): a field with `first` costs 1 + n × max(1, children),
 * n = first, or its default (20) when absent or null; a list without `first` costs
 * 1 + bound × max(1, children); any other field 1 + children. The expected values
 * below are worked out by hand from it.
 */
describe("the cost of an operation, by the formula", () => {
  it.each([
    // cases: 1 + 20 × totalCount 1
    ["{ cases { totalCount } }", 21],
    // an explicit null is the default page, not "no list" (before: 2)
    ["{ cases(first: null) { totalCount } }", 21],
    // cases: 1 + 5 × (edges 1 + (node 1 + id 1 + title 1)) = 1 + 5 × 4
    ["{ cases(first: 5) { edges { node { id title } } } }", 21],
    // alerts: 1 + 20 × 1 = 21; node 22; edges 23; cases 1 + 20 × 23
    ["{ cases(first: null) { edges { node { alerts(first: null) { id } } } } }", 461],
    // searchCases: 1 + 20 × (score 1 + case (1 + id 1)) = 1 + 20 × 3
    ['{ searchCases(query: "disk", first: null) { score case { id } } }', 61],
    // caseStatistics: 1 + 16 (status × severity) × (count 1 + severity 1)
    ["{ caseStatistics { count severity } }", 33],
    // alertSeverityBreakdown: 1 + 4 × 1
    ["{ alertSeverityBreakdown { count } }", 5],
    // the default window (7 days) by DAY: ceil(168 h / 22 h) + 2 = 10 buckets, × 20 types unnamed
    ["{ alertTrends { count } }", 201],
    // 30 days by DAY: ceil(720 / 22) + 2 = 35 buckets × 2 types = 70; × (type + count)
    [
      '{ alertTrends(from: "2026-01-01T00:00:00Z", to: "2026-01-31T00:00:00Z", types: ["cpu", "disk"]) { type count } }',
      141,
    ],
    // 24 hours by HOUR, one type: ceil(24 / 1) + 2 = 26
    [
      '{ alertTrends(from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z", granularity: HOUR, types: ["cpu"]) { count } }',
      27,
    ],
    // 10,000 hours by HOUR: ceil(10,000) + 2 capped at 10,000 buckets
    [
      '{ alertTrends(from: "2025-01-01T00:00:00Z", to: "2026-02-21T16:00:00Z", granularity: HOUR, types: ["cpu"]) { count } }',
      10_001,
    ],

    // ADMIN lists: 64 indexes per collection, 6 collections, 100 operations assumed
    ['{ indexUsage(collection: "cases") { name } }', 65],
    ["{ unusedIndexes { name } }", 385],
    ["{ currentOperations { opid } }", 101],
    // slowOperations has first: 1 + 20 × 1
    ["{ slowOperations(first: null) { op } }", 21],
  ])("%s costs %i", async (query, expected) => {
    expect(await costOf(query)).toBe(expected);
  });

  it("a trend window alertTrends refuses for its size is priced as empty, so its own error is seen", async () => {
    // 6 years by HOUR: more than 10,001 of the longest buckets. Cost 1 + 0 passes even
    // MAX_COST = 1, and alertTrends refuses it naming the buckets, before the database.
    priced.resetCommands();
    const result = await priced.graphql(
      '{ alertTrends(from: "2020-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z", granularity: HOUR) { count } }',
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toMatch(/buckets/);
    expect(priced.commands.filter((event) => event.commandName === "aggregate")).toEqual([]);
  });

  it("a null `first` from a variable is the default page too", async () => {
    const query = `query($n: Int) { cases(first: $n) { edges { node { alerts(first: $n) { id } } } } }`;
    expect(await costOf(query, { n: null })).toBe(461);
    expect(await costOf(query, {})).toBe(461);
    // 1 + 3 × (edges 1 + node 1 + alerts (1 + 3 × 1)) = 1 + 3 × 6
    expect(await costOf(query, { n: 3 })).toBe(19);
  });
});

describe("the cost limit cannot be dodged", () => {
  // assignedCases 1 + 20 × 1 = 21; assignee 22; case 23; alerts 1 + 20 × 23 = 461;
  // node 462; edges 463; cases 1 + 20 × 463 = 9261 per alias; × 15 aliases.
  const nested = (alias: string) =>
    `${alias}: cases(first: null) { edges { node { alerts(first: null) { case { assignee { assignedCases(first: null) { id } } } } } } }`;
  const query = `{ ${Array.from({ length: 15 }, (_, i) => nested(`a${i}`)).join(" ")} }`;

  it("15 aliases of nested lists with first: null are refused at the default MAX_COST, before the database", async () => {
    gateway.resetCommands();
    const result = await gateway.graphql(query);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain(`estimated cost is ${15 * 9261}; at most 5000 (MAX_COST)`);
    expect(gateway.commands).toHaveLength(0);
  });

  it("an hourly trend over a year of every type is refused at the default MAX_COST", async () => {
    const result = await gateway.graphql(
      '{ alertTrends(from: "2025-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z", granularity: HOUR) { count } }',
    );
    // min(10,000, 8,760 + 2) buckets × 20 types × 1 + 1
    expect(result.errors?.[0]?.message).toContain(`estimated cost is ${8762 * 20 + 1}`);
  });
});

describe("every list of objects in the schema has a price", () => {
  it("is paged by `first`, is the edges of a connection, or has a bound in UNPAGED_LIST_BOUNDS", async () => {
    const schema = await buildGatewaySchema();
    const unpriced: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__") || type.name === "Mutation") continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type)) || !isObjectType(getNamedType(field.type))) continue;
        const paged = field.args.some((argument) => argument.name === "first");
        const edges = field.name === "edges" && type.name.endsWith("Connection");
        if (!paged && !edges && !UNPAGED_LIST_BOUNDS[`${type.name}.${field.name}`]) {
          unpriced.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(unpriced, "add a bound to src/protections/list-bounds.ts").toEqual([]);
  });
});
