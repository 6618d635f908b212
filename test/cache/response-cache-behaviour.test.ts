import { ObjectId } from "mongodb";
import { beforeEach, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { bearer } from "../helpers/test-jwt";
import { useTestGateway } from "../helpers/use-test-gateway";

/**
 * The response cache over HTTP with an injected clock: what is cached, for how long,
 * what a mutation drops, single flight counted with the driver's command monitoring,
 * and ETag/304 on GET. Expected values are counted with the driver.
 */
let clock = Date.parse("2026-06-01T12:00:00Z");
const SEVERITIES = ["low", "medium", "high", "critical"] as const;

const UNRESOLVED = `{ alertSeverityBreakdown(resolved: false) { severity count } }`;
const CASES = `{ caseStatistics { count } }`;
const USERS = `{ users(first: 1) { totalCount } }`;
const TRENDS = `query Trends($tz: String!) { alertTrends(timezone: $tz, granularity: DAY) { bucket type count } }`;

const sum = (rows: { count: number }[]): number => rows.reduce((total, row) => total + row.count, 0);
/**
 * Commands that answer queries: the gateway's change stream (cache invalidation by writes
 * made around it) polls with getMore on its own schedule, so it is left out.
 */
const queryCommands = () =>
  gateway.commands.filter(
    (command) =>
      command.commandName !== "getMore" && !JSON.stringify(command.command).includes("$changeStream"),
  );
const aggregates = (): number =>
  queryCommands().filter((command) => command.commandName === "aggregate").length;

const { database, gateway } = useTestGateway("response-cache", {
  seed: async (db) => {
    const now = new Date();
    await db.collection("alerts").insertMany(
      Array.from({ length: 40 }, (_, index) => ({
        type: `t${index % 3}`,
        source: "seed",
        severity: SEVERITIES[index % 4],
        message: "seeded",
        timestamp: new Date(now.getTime() - index * 3_600_000),
        case_id: null,
        resolved: index % 5 === 0,
        resolution: index % 5 === 0 ? "done" : null,
      })),
    );
  },
  gateway: { cache: { maxBytes: 1 << 20, ttlAnalyticsSeconds: 10, ttlEntitySeconds: 5, now: () => clock } },
});

beforeEach(() => {
  // Each test starts past every TTL of the one before.
  clock += 3_600_000;
});

describe("the response cache", () => {
  it("serves a repeated analytics query from the cache, without a database command, saying so", async () => {
    const first = await gateway.graphql(UNRESOLVED);
    expect(first.errors).toBeUndefined();
    expect(first.body.extensions).toEqual({ cache: { hit: false, age: 0 } });
    clock += 3_000;
    gateway.resetCommands();
    const second = await gateway.graphql(UNRESOLVED);
    expect(queryCommands()).toEqual([]);
    expect(second.data).toEqual(first.data);
    expect(second.body.extensions).toEqual({ cache: { hit: true, age: 3 } });
    expect(second.headers.get("cache-control")).toBe("private, max-age=7");
  });

  it("expires a result after its field's TTL (injected clock, no sleep)", async () => {
    await gateway.graphql(UNRESOLVED);
    clock += 9_999;
    gateway.resetCommands();
    expect((await gateway.graphql(UNRESOLVED)).body.extensions).toEqual({ cache: { hit: true, age: 9 } });
    expect(aggregates()).toBe(0);
    clock += 1;
    const expired = await gateway.graphql(UNRESOLVED);
    expect(expired.body.extensions).toEqual({ cache: { hit: false, age: 0 } });
    expect(aggregates()).toBe(1);
    // Entity reads have their own TTL (5 s here).
    await gateway.graphql(USERS);
    clock += 4_999;
    expect((await gateway.graphql(USERS)).body.extensions).toMatchObject({ cache: { hit: true } });
    clock += 1;
    expect((await gateway.graphql(USERS)).body.extensions).toMatchObject({ cache: { hit: false } });
  });

  it("keys by variables: another time zone is another result", async () => {
    const berlin = await gateway.graphql(TRENDS, { tz: "Europe/Berlin" });
    const kolkata = await gateway.graphql(TRENDS, { tz: "Asia/Kolkata" });
    expect(berlin.body.extensions).toMatchObject({ cache: { hit: false } });
    expect(kolkata.body.extensions).toMatchObject({ cache: { hit: false } });
    expect(kolkata.data).not.toEqual(berlin.data);
    expect((await gateway.graphql(TRENDS, { tz: "Europe/Berlin" })).data).toEqual(berlin.data);
  });

  it("never caches mutations nor responses with errors", async () => {
    const mutation = `mutation { createAlert(input: { type: "m", source: "cache", severity: LOW }) { id } }`;
    const created = await gateway.graphql(mutation);
    expect(created.errors).toBeUndefined();
    expect(created.body.extensions).toBeUndefined();
    expect(created.headers.get("etag")).toBeNull();
    const bad = `{ alertTrends(timezone: "Mars/Olympus") { count } }`;
    const refused = await gateway.graphql(bad);
    expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const again = await gateway.graphql(bad);
    expect(again.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(again.body.extensions).not.toMatchObject({ cache: { hit: true } });
  });

  it("every mutation drops the cached results that read the collections it wrote", async () => {
    const unresolved = async () => database.db.collection("alerts").countDocuments({ resolved: false });
    const cases = async () => database.db.collection("cases").countDocuments();
    const users = async () => database.db.collection("users").countDocuments();
    const check = async (label: string) => {
      const [alerts, caseStats, userPage] = await Promise.all([
        gateway.graphql(UNRESOLVED),
        gateway.graphql(CASES),
        gateway.graphql(USERS),
      ]);
      expect(sum(alerts.data.alertSeverityBreakdown), label).toBe(await unresolved());
      expect(sum(caseStats.data.caseStatistics), label).toBe(await cases());
      expect(userPage.data.users.totalCount, label).toBe(await users());
    };
    await check("before");
    const run = async (mutation: string) => {
      const result = await gateway.graphql(mutation);
      expect(result.errors, mutation).toBeUndefined();
      return result.data;
    };
    const alert = await run(
      `mutation { createAlert(input: { type: "x", source: "inv", severity: HIGH }) { id } }`,
    );
    await check("createAlert");
    await run(`mutation { resolveAlert(id: "${alert.createAlert.id}", resolution: "fixed") { id } }`);
    await check("resolveAlert");
    const created = await run(`mutation { createCase(input: { title: "cached", severity: LOW }) { id } }`);
    await check("createCase");
    await run(`mutation { changeCaseStatus(id: "${created.createCase.id}", status: IN_PROGRESS) { id } }`);
    await check("changeCaseStatus");
    await run(`mutation { deleteCase(id: "${created.createCase.id}") { deletedCaseId } }`);
    await check("deleteCase");
    await run(
      `mutation { createUser(input: { email: "c${new ObjectId().toHexString()}@example.com", name: "C" }) { id } }`,
    );
    await check("createUser");
  });

  it("single flight: 100 concurrent identical requests cause one aggregation", async () => {
    const headers = await bearer(UserRole.ANALYST);
    gateway.resetCommands();
    const results = await Promise.all(
      Array.from({ length: 100 }, () => gateway.graphql(TRENDS, { tz: "America/St_Johns" }, headers)),
    );
    expect(results.every((result) => result.status === 200 && result.errors === undefined)).toBe(true);
    expect(new Set(results.map((result) => JSON.stringify(result.data))).size).toBe(1);
    expect(aggregates()).toBe(1);
    expect(results.filter((result) => (result.body.extensions as any)?.cache?.hit === false)).toHaveLength(1);
  });

  it("GET answers with an ETag and 304 to If-None-Match; a write changes the ETag", async () => {
    const url = `${gateway.graphqlUrl}?query=${encodeURIComponent(UNRESOLVED)}`;
    const headers = { ...gateway.authHeaders, "apollo-require-preflight": "true" };
    const first = await fetch(url, { headers });
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("private, max-age=10");
    await first.text();

    gateway.resetCommands();
    const revalidated = await fetch(url, { headers: { ...headers, "if-none-match": etag! } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    expect(queryCommands()).toEqual([]);

    const other = await fetch(url, { headers: { ...headers, "if-none-match": '"something-else"' } });
    expect(other.status).toBe(200);
    await other.text();

    await gateway.graphql(
      `mutation { createAlert(input: { type: "e", source: "etag", severity: LOW }) { id } }`,
    );
    const changed = await fetch(url, { headers: { ...headers, "if-none-match": etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    const body = (await changed.json()) as { data: { alertSeverityBreakdown: { count: number }[] } };
    expect(sum(body.data.alertSeverityBreakdown)).toBe(
      await database.db.collection("alerts").countDocuments({ resolved: false }),
    );
  });
});
