import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { useTestDatabase } from "../helpers/use-test-database";
import { type GraphQLResult, startTestGateway, type TestGateway } from "../helpers/test-gateway";
import { bearer } from "../helpers/test-jwt";

/**
 * The role matrix with the response cache on (every cacheable field cached for a minute):
 * each caller gets from the cached gateway exactly what a gateway without a cache gives
 * it, whoever asked the same query before. The strongest callers ask first, so a leak
 * would hand their results to the weaker ones.
 */
const database = useTestDatabase("cache-roles");
let cached: TestGateway;
let reference: TestGateway;
const selfId = new ObjectId();
const otherId = new ObjectId();
const strangerId = new ObjectId();

const QUERIES = [
  `{ me { kind role user { id email } } }`,
  `{ user(id: "${selfId.toHexString()}") { id name email } }`,
  `{ user(id: "${otherId.toHexString()}") { id name email } }`,
  `{ users(first: 5) { totalCount edges { node { id email } } } }`,
  `{ users(first: 5) { totalCount } }`,
  `{ cases(first: 1) { totalCount } }`,
  `{ alerts(first: 5) { totalCount } }`,
  `{ caseStatistics { count } }`,
  `{ alertTrends { count } }`,
  `{ alertSeverityBreakdown { severity count } }`,
  `{ alertMetrics { rows { count } } }`,
  `{ auditLog(first: 1) { totalCount } }`,
];

/** Callers from strongest to weakest, users that are and are not the `self` user. */
const CALLERS: [string, () => Promise<Record<string, string>>][] = [
  ["ADMIN (other)", () => bearer(UserRole.ADMIN, { sub: otherId.toHexString() })],
  ["RESPONDER", () => bearer(UserRole.RESPONDER)],
  ["ANALYST (self)", () => bearer(UserRole.ANALYST, { sub: selfId.toHexString() })],
  ["ANALYST (stranger)", () => bearer(UserRole.ANALYST, { sub: strangerId.toHexString() })],
  ["VIEWER (self)", () => bearer(UserRole.VIEWER, { sub: selfId.toHexString() })],
  ["VIEWER (stranger)", () => bearer(UserRole.VIEWER, { sub: strangerId.toHexString() })],
];

/** What a client can tell apart: data, and each error's code and path. */
function visible(result: GraphQLResult): unknown {
  return {
    status: result.status,
    data: result.data,
    errors: result.errors?.map((error) => [error.extensions?.code, error.path?.join(".")]),
  };
}

beforeAll(async () => {
  const now = new Date();
  const user = (id: ObjectId, email: string, role: string) => ({
    _id: id,
    email,
    name: email.split("@")[0],
    role,
    settings: {},
    created_at: now,
    last_login: null,
  });
  await database.db
    .collection("users")
    .insertMany([
      user(selfId, "self@example.com", "viewer"),
      user(otherId, "other@example.com", "admin"),
      user(strangerId, "stranger@example.com", "analyst"),
    ]);
  await database.db.collection("alerts").insertMany(
    Array.from({ length: 12 }, (_, index) => ({
      type: "cpu",
      source: "matrix",
      severity: ["low", "high"][index % 2],
      message: "m",
      timestamp: new Date(now.getTime() - index * 600_000),
      case_id: null,
      resolved: false,
      resolution: null,
    })),
  );
  const clock = Date.now();
  cached = await startTestGateway(database, {
    cache: { maxBytes: 1 << 20, ttlAnalyticsSeconds: 60, ttlEntitySeconds: 60, now: () => clock },
  });
  reference = await startTestGateway(database);
});

afterAll(async () => {
  await cached?.stop();
  await reference?.stop();
});

describe("the response cache and the role matrix", () => {
  it("no caller ever gets a result cached for another role or another user", async () => {
    const mismatches: string[] = [];
    let hits = 0;
    for (const pass of [1, 2]) {
      for (const [name, headersOf] of CALLERS) {
        const headers = await headersOf();
        for (const query of QUERIES) {
          const expected = visible(await reference.graphql(query, undefined, headers));
          cached.resetCommands();
          const result = await cached.graphql(query, undefined, headers);
          if ((result.body.extensions as { cache?: { hit: boolean } } | undefined)?.cache?.hit) hits += 1;
          const actual = visible(result);
          if (JSON.stringify(actual) !== JSON.stringify(expected)) {
            mismatches.push(
              `pass ${pass}, ${name}, ${query}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`,
            );
          }
          // A root field refused for the role is refused before any command, cache or not.
          const refused = result.errors?.some(
            (error) => error.extensions?.code === "FORBIDDEN" && error.path?.length === 1,
          );
          // The change stream that invalidates the cache polls with getMore on its own schedule.
          const commands = cached.commands.filter((command) => command.commandName !== "getMore");
          if (refused && commands.length > 0) {
            mismatches.push(`pass ${pass}, ${name}, ${query}: FORBIDDEN after ${commands.length} commands`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    // The cache was really in use: the second pass is answered from it where allowed.
    expect(hits).toBeGreaterThan(QUERIES.length);
  });

  it("a caller-dependent field is cached per user: each user sees their own email", async () => {
    const query = `{ me { user { email } } }`;
    const self = await cached.graphql(
      query,
      undefined,
      await bearer(UserRole.VIEWER, { sub: selfId.toHexString() }),
    );
    const stranger = await cached.graphql(
      query,
      undefined,
      await bearer(UserRole.VIEWER, { sub: strangerId.toHexString() }),
    );
    expect(self.data).toEqual({ me: { user: { email: "self@example.com" } } });
    expect(stranger.data).toEqual({ me: { user: { email: "stranger@example.com" } } });
  });
});
