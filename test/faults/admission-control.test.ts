import { beforeAll, describe, expect, it } from "vitest";
import { type FaultsConfig, loadConfig } from "../../src/config";
import type { TestDatabase } from "../helpers/test-database";
import { type GraphQLResult, startTestGateway, type TestGateway } from "../helpers/test-gateway";
import { useEngineProcess } from "../helpers/use-engine-process";
import { useGatewayOver } from "../helpers/use-gateway-over";

/**
 * The engine runs as a process of its own so that the test can freeze it (SIGSTOP): every
 * admitted request then waits on the database, and the counts of served, queued and refused
 * requests do not depend on timing.
 */
const engine = useEngineProcess("admission");
let database: TestDatabase;

const faults = (overrides: Partial<FaultsConfig>): FaultsConfig => ({
  ...loadConfig({}).faults,
  // A frozen database must not be declared dead while the test holds it frozen.
  dbConnectTimeoutMs: 120_000,
  dbSocketTimeoutMs: 0,
  ...overrides,
});

const codes = (result: GraphQLResult) => result.errors?.map((error) => error.extensions?.code);

beforeAll(() => {
  database = { uri: engine.uri, dbName: "admission" } as TestDatabase;
});

/** Waits for the first `count` of `pending` to settle, removes them from it and returns their values. */
async function takeFirst<T>(pending: Promise<T>[], count: number): Promise<T[]> {
  const taken: T[] = [];
  while (taken.length < count) {
    const index = await Promise.race(pending.map((promise, i) => promise.then(() => i)));
    taken.push(await pending[index]!);
    pending.splice(index, 1);
  }
  return taken;
}

/** Runs `body` with the engine frozen, thawing it however `body` ends. */
async function whileFrozen<T>(body: () => Promise<T>): Promise<T> {
  engine.signal("SIGSTOP");
  try {
    return await body();
  } finally {
    engine.signal("SIGCONT");
  }
}

/**
 * A gateway over the engine with these fault limits, started in the enclosing block's beforeAll
 * and stopped after its tests.
 */
function useGatewayWithFaults(overrides: Partial<FaultsConfig>): TestGateway {
  return useGatewayOver(() => database, { faults: faults(overrides) });
}

/**
 * How many database commands (as `count` counts them) one `query` sends on a thawed database:
 * more than none, or the test's count of what reached the database proves nothing. The
 * gateway's command log is empty afterwards.
 */
async function commandsOfOne(gateway: TestGateway, query: string, count: () => number): Promise<number> {
  gateway.resetCommands();
  expect((await gateway.graphql(query)).status).toBe(200);
  const perQuery = count();
  expect(perQuery).toBeGreaterThan(0);
  gateway.resetCommands();
  return perQuery;
}

describe("MAX_IN_FLIGHT_REQUESTS and MAX_QUEUED_REQUESTS", () => {
  const gateway = useGatewayWithFaults({ maxInFlightRequests: 2, maxQueuedRequests: 1 });

  it("2 run, 1 waits, the rest get 503 OVERLOADED with Retry-After at once; health answers meanwhile", async () => {
    const query = `{ cases(first: 1) { totalCount } }`;
    const commandsPerQuery = await commandsOfOne(gateway, query, () => gateway.commands.length);

    const held = await whileFrozen(async () => {
      const pending = Array.from({ length: 6 }, () => gateway.graphql(query));
      // Refusals come back while the database is frozen; the admitted three cannot.
      const refused = await takeFirst(pending, 3);
      for (const result of refused) {
        expect(result.status).toBe(503);
        expect(result.headers.get("retry-after")).toBe("1");
        expect(codes(result)).toEqual(["OVERLOADED"]);
      }
      const health = await fetch(`${gateway.url}/healthz`);
      expect(health.status).toBe(200);
      expect(health.headers.get("x-requests-in-flight")).toBe("2");
      expect(health.headers.get("x-requests-queued")).toBe("1");
      return pending;
    });
    const served = await Promise.all(held);
    expect(served.map((result) => result.status)).toEqual([200, 200, 200]);
    // Only the admitted requests reached the database.
    expect(gateway.commands.length).toBe(3 * commandsPerQuery);
  });
});

describe("MAX_CONCURRENT_AGGREGATIONS", () => {
  const gateway = useGatewayWithFaults({ maxConcurrentAggregations: 1, maxQueuedRequests: 1 });

  it("1 aggregation runs, 1 waits, the others get 503 OVERLOADED before any database command", async () => {
    const query = `{ caseStatistics { severity status count } }`;
    const aggregates = () => gateway.commands.filter((c) => c.commandName === "aggregate").length;
    const perQuery = await commandsOfOne(gateway, query, aggregates);

    const results = await whileFrozen(async () => {
      const pending = Array.from({ length: 4 }, () => gateway.graphql(query));
      // The two refusals arrive while the database is frozen.
      const refused = await takeFirst(pending, 2);
      return { refused, held: pending };
    });
    for (const result of results.refused) {
      expect(result.status).toBe(503);
      expect(codes(result)).toEqual(["OVERLOADED"]);
    }
    const served = await Promise.all(results.held);
    expect(served.map((result) => result.status)).toEqual([200, 200]);
    expect(aggregates()).toBe(2 * perQuery);
  });
});

describe("MAX_RESPONSE_BYTES", () => {
  it("a larger answer is replaced by RESPONSE_TOO_LARGE; a smaller one is served", async () => {
    const unlimited = await startTestGateway(database);
    const limit = 2_048;
    const limited = await startTestGateway(database, { faults: faults({ maxResponseBytes: limit }) });
    try {
      for (let i = 0; i < 4; i++) {
        const created = await unlimited.graphql(
          `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
          { input: { title: `big ${i}`, severity: "LOW", description: "x".repeat(1_000) } },
        );
        expect(created.errors).toBeUndefined();
      }
      const big = `{ cases(first: 4) { edges { node { description } } } }`;
      const full = await fetch(unlimited.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...unlimited.authHeaders },
        body: JSON.stringify({ query: big }),
      });
      expect(Buffer.byteLength(await full.text())).toBeGreaterThan(limit);

      const refused = await limited.graphql(big);
      expect(codes(refused)).toEqual(["RESPONSE_TOO_LARGE"]);
      expect(refused.data).toBeNull();
      const small = await limited.graphql(`{ cases(first: 1) { totalCount } }`);
      expect(small.status).toBe(200);
      expect(small.data?.cases.totalCount).toBe(4);
    } finally {
      await limited.stop();
      await unlimited.stop();
    }
  });
});
