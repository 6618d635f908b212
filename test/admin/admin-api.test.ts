import { beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../../src/domain/user-role.enum";
import { bearer } from "../helpers/test-jwt";
import { useTestGateway } from "../helpers/use-test-gateway";

const CASES = 7;
/** Indexes of the test's own, on collections of the data model. */
const PROBE_INDEX = "admin_probe_type";
const UNUSED_INDEX = "admin_unused_source";

const { database, gateway } = useTestGateway("admin-api");

beforeAll(async () => {
  const now = new Date();
  await database.db.collection("cases").insertMany(
    Array.from({ length: CASES }, (_, i) => ({
      title: `admin case ${i}`,
      status: "open",
      severity: "low",
      tags: [],
      created_at: now,
      updated_at: now,
    })),
  );
  await database.db.collection("alerts").insertMany([
    { type: "cpu", source: "probe", severity: "low", timestamp: now, resolved: false },
    { type: "disk", source: "probe", severity: "high", timestamp: now, resolved: false },
  ]);
  await database.db.collection("alerts").createIndex({ type: 1 }, { name: PROBE_INDEX });
  await database.db.collection("alerts").createIndex({ source: 1, type: 1 }, { name: UNUSED_INDEX });
});

async function adminQuery<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await gateway.graphql<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

describe("health", () => {
  const query = `{ health { reachable version uptimeSeconds connections { current available }
    replicaSetState replicaSetName pingMillis } }`;

  it("reports a reachable server with its figures", async () => {
    const { health } = await adminQuery(query);
    expect(health.reachable).toBe(true);
    expect(typeof health.version).toBe("string");
    expect(health.version.length).toBeGreaterThan(0);
    expect(health.uptimeSeconds).toBeGreaterThan(0);
    expect(health.connections.current).toBeGreaterThanOrEqual(1);
    expect(health.connections.available).toBeGreaterThanOrEqual(0);
    expect(["PRIMARY", "SECONDARY", "ARBITER", "OTHER", "STANDALONE", "MONGOS"]).toContain(
      health.replicaSetState,
    );
    if (health.replicaSetState === "STANDALONE") expect(health.replicaSetName).toBeNull();
    expect(health.pingMillis).toBeGreaterThanOrEqual(0);
  });

  it("the uptime grows", async () => {
    // No sleep racing the clock: the server's own serverStatus (read through the driver)
    // says when its uptime has moved past the first answer; the gateway's must follow.
    const before = (await adminQuery(query)).health.uptimeSeconds as number;
    const serverUptime = async () => {
      const status = await database.client.db("admin").command({ serverStatus: 1 });
      return status.uptimeMillis !== undefined ? Number(status.uptimeMillis) / 1000 : Number(status.uptime);
    };
    let server = await serverUptime();
    expect(server).toBeGreaterThanOrEqual(before);
    while (server <= before) server = await serverUptime();
    const after = (await adminQuery(query)).health.uptimeSeconds as number;
    expect(after).toBeGreaterThanOrEqual(server);
    expect(after).toBeGreaterThan(before);
  });
});

describe("collection statistics and index usage", () => {
  const usage = `query($collection: String!) { indexUsage(collection: $collection) { name key ops since } }`;

  it("collectionStats counts the inserted documents and lists the indexes", async () => {
    const { collectionStats } = await adminQuery(
      `{ collectionStats(name: "cases") { name documents sizeBytes storageSizeBytes totalIndexSizeBytes
        indexes { name key ops } } }`,
    );
    expect(collectionStats.name).toBe("cases");
    expect(collectionStats.documents).toBe(CASES);
    expect(collectionStats.sizeBytes).toBeGreaterThan(0);
    expect(collectionStats.indexes.map((index: { name: string }) => index.name)).toContain("_id_");
    expect(collectionStats.indexes.find((index: { name: string }) => index.name === "_id_").key).toEqual({
      _id: 1,
    });
  });

  it("indexUsage ops rise by at least the number of indexed finds", async () => {
    const opsOf = async (): Promise<number> => {
      const { indexUsage } = await adminQuery(usage, { collection: "alerts" });
      const probe = indexUsage.find((index: { name: string }) => index.name === PROBE_INDEX);
      expect(probe.key).toEqual({ type: 1 });
      expect(typeof probe.since).toBe("string");
      return probe.ops as number;
    };
    const before = await opsOf();
    const finds = 5;
    for (let i = 0; i < finds; i++) {
      await database.db.collection("alerts").find({ type: "cpu" }).hint(PROBE_INDEX).toArray();
    }
    const after = await opsOf();
    expect(after - before).toBeGreaterThanOrEqual(finds);
  });

  it("unusedIndexes lists an index nobody used, until it is used", async () => {
    const query = `{ unusedIndexes { collection name key since } }`;
    const listed = (await adminQuery(query)).unusedIndexes as { collection: string; name: string }[];
    expect(listed).toContainEqual(
      expect.objectContaining({ collection: "alerts", name: UNUSED_INDEX, key: { source: 1, type: 1 } }),
    );
    expect(listed.map((index) => index.name)).not.toContain("_id_");
    await database.db.collection("alerts").find({ source: "probe" }).hint(UNUSED_INDEX).toArray();
    const after = (await adminQuery(query)).unusedIndexes as { collection: string; name: string }[];
    expect(after.map((index) => `${index.collection}.${index.name}`)).not.toContain(`alerts.${UNUSED_INDEX}`);
  });
});

describe("profiler", () => {
  it("setProfilingLevel(2, 0) records operations that slowOperations returns; level 0 turns it off", async () => {
    const on = await adminQuery(
      `mutation { setProfilingLevel(level: 2, slowMillis: 0) { previousLevel level slowMillis } }`,
    );
    expect(on.setProfilingLevel).toEqual({ previousLevel: 0, level: 2, slowMillis: 0 });
    for (let i = 0; i < 3; i++) {
      await database.db
        .collection("cases")
        .find({ title: `admin case ${i}` })
        .toArray();
    }
    const { slowOperations } = await adminQuery(
      `{ slowOperations(minMillis: 0, first: 100) { op namespace millis timestamp docsExamined keysExamined
        returned planSummary command } }`,
    );
    const finds = (
      slowOperations as { op: string; namespace: string; command: Record<string, unknown> }[]
    ).filter((operation) => operation.namespace === `${database.dbName}.cases` && operation.op === "query");
    expect(finds.length).toBeGreaterThanOrEqual(3);
    for (const operation of finds) {
      expect(operation.command).not.toHaveProperty("lsid");
      expect(operation.command).not.toHaveProperty("$db");
      expect(operation.command).not.toHaveProperty("$clusterTime");
    }
    const timestamps = (slowOperations as { timestamp: string }[]).map((operation) => operation.timestamp);
    expect([...timestamps].sort().reverse()).toEqual(timestamps);

    const off = await adminQuery(
      `mutation { setProfilingLevel(level: 0) { previousLevel level slowMillis } }`,
    );
    expect(off.setProfilingLevel).toEqual({ previousLevel: 2, level: 0, slowMillis: 100 });
  });

  it("setProfilingLevel is audited", async () => {
    const { auditLog } = await adminQuery(
      `{ auditLog(first: 10, action: "database.profiling.set") { edges { node { collection changes } } } }`,
    );
    const changes = auditLog.edges.map((edge: { node: { changes: unknown } }) => edge.node.changes);
    expect(changes).toContainEqual(expect.objectContaining({ level: { before: 0, after: 2 } }));
    expect(changes).toContainEqual(expect.objectContaining({ level: { before: 2, after: 0 } }));
  });
});

describe("currentOperations", () => {
  it("lists the operations in progress, at least its own $currentOp", async () => {
    const { currentOperations } = await adminQuery(
      `{ currentOperations { opid op namespace secondsRunning active command } }`,
    );
    expect(Array.isArray(currentOperations)).toBe(true);
    const own = (
      currentOperations as { command: Record<string, unknown> | null; secondsRunning: number }[]
    ).find((operation) => JSON.stringify(operation.command ?? {}).includes("$currentOp"));
    expect(own).toBeDefined();
    expect(typeof own!.secondsRunning).toBe("number");
    expect(own!.command).not.toHaveProperty("lsid");
  });
});

describe("access and input errors", () => {
  const documents = [
    `{ health { reachable } }`,
    `{ collectionStats(name: "cases") { documents } }`,
    `{ indexUsage(collection: "cases") { name } }`,
    `{ unusedIndexes { name } }`,
    `{ slowOperations { op } }`,
    `{ currentOperations { opid } }`,
    `mutation { setProfilingLevel(level: 1) { level } }`,
  ];

  it("ANALYST gets FORBIDDEN without a database command", async () => {
    const headers = await bearer(UserRole.ANALYST);
    for (const document of documents) {
      gateway.resetCommands();
      const result = await gateway.graphql(document, undefined, headers);
      expect(result.errors?.[0]?.extensions?.code, document).toBe("FORBIDDEN");
      expect(gateway.commands, document).toHaveLength(0);
    }
  });

  it("a collection outside the data model is BAD_USER_INPUT naming the allowed ones", async () => {
    for (const document of [
      `{ collectionStats(name: "system.users") { documents } }`,
      `{ indexUsage(collection: "secrets") { name } }`,
    ]) {
      gateway.resetCommands();
      const result = await gateway.graphql(document);
      expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0]?.message).toContain("cases, alerts, users");
      expect(gateway.commands).toHaveLength(0);
    }
  });

  it("a profiling level other than 0, 1 or 2 is BAD_USER_INPUT", async () => {
    for (const level of [-1, 3]) {
      const result = await gateway.graphql(
        `mutation($level: Int!) { setProfilingLevel(level: $level) { level } }`,
        {
          level,
        },
      );
      expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0]?.message).toContain("level");
    }
  });

  it("slowOperations(first:) follows the page-size rules", async () => {
    for (const first of [0, 101]) {
      const result = await gateway.graphql(`query($first: Int) { slowOperations(first: $first) { op } }`, {
        first,
      });
      expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});
