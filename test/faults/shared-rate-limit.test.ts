import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { type GatewayProcess, postGraphQL, startGatewayProcess } from "../helpers/gateway-process";
import { openTestDatabase } from "../helpers/test-database";
import { useTestDatabase } from "../helpers/use-test-database";
import { startTestGateway } from "../helpers/test-gateway";
import { bearer } from "../helpers/test-jwt";

const LIMIT = 5;
const QUERY = `{ __typename }`;

/**
 * The limit counts per clock minute. A test that straddled a minute boundary would see its
 * counters restart, so it starts early in a minute (this waits, it does not race a timer).
 */
async function awayFromMinuteEnd(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 40_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 50));
}

/** The reference: operations are admitted while the caller's total stays within the limit. */
function expectedStatuses(batchSizes: number[], limit: number): number[] {
  let used = 0;
  return batchSizes.map((n) => {
    if (used + n > limit) return 429;
    used += n;
    return 200;
  });
}

describe("two gateway processes against one database (RATE_LIMIT_STORE=mongodb)", () => {
  const dbName = `test_shared_rate_${randomBytes(4).toString("hex")}`;
  let a: GatewayProcess;
  let b: GatewayProcess;
  beforeAll(async () => {
    const env = { MONGODB_URI: inject("mongoUri"), MONGODB_DB: dbName, RATE_LIMIT_PER_MINUTE: String(LIMIT) };
    [a, b] = await Promise.all([startGatewayProcess(env), startGatewayProcess(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    const database = await openTestDatabase("shared-rate-cleanup");
    await database.client.db(dbName).dropDatabase();
    await database.close();
  });

  it("a caller gets LIMIT operations per minute across both instances, not LIMIT per instance", async () => {
    await awayFromMinuteEnd();
    const alice = await bearer(UserRole.VIEWER, { sub: "0000000000000000000000a1" });
    const statuses: number[] = [];
    for (let i = 0; i < 2 * LIMIT + 2; i++) {
      const answer = await postGraphQL((i % 2 === 0 ? a : b).url, QUERY, {}, alice);
      statuses.push(answer.status);
      if (answer.status === 429) {
        expect(answer.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
        expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
      }
    }
    // Each instance alone would have served LIMIT of its own LIMIT + 1 requests.
    expect(statuses).toEqual(
      expectedStatuses(
        statuses.map(() => 1),
        LIMIT,
      ),
    );
    // Another caller has a budget of its own.
    const bob = await bearer(UserRole.VIEWER, { sub: "0000000000000000000000b2" });
    expect((await postGraphQL(b.url, QUERY, {}, bob)).status).toBe(200);
  });
});

describe("ALLOW_BATCHING=true: every operation of a batch counts", () => {
  const database = useTestDatabase("batch-rate");

  for (const store of ["mongodb", "memory"] as const) {
    it(`RATE_LIMIT_STORE=${store}`, async () => {
      const gateway = await startTestGateway(database, {
        protections: { rateLimitPerMinute: LIMIT, allowBatching: true },
        faults: { ...(await import("../../src/config")).loadConfig({}).faults, rateLimitStore: store },
      });
      try {
        await awayFromMinuteEnd();
        const caller = await bearer(UserRole.VIEWER, { sub: randomBytes(12).toString("hex") });
        const batches = [3, 3, 1, 1, 1];
        const statuses: number[] = [];
        for (const size of batches) {
          const response = await fetch(gateway.graphqlUrl, {
            method: "POST",
            headers: { "content-type": "application/json", ...caller },
            body: JSON.stringify(Array.from({ length: size }, () => ({ query: QUERY }))),
          });
          statuses.push(response.status);
          const body = (await response.json()) as unknown;
          if (response.status === 200) expect(body).toHaveLength(size);
        }
        expect(statuses).toEqual(expectedStatuses(batches, LIMIT));
      } finally {
        await gateway.stop();
      }
    });
  }
});
