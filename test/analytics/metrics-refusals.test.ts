import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Severity } from "../../schema/enums/severity.enum";
import { UserRole } from "../../schema/enums/user-role.enum";
import { loadConfig } from "../../src/config";
import type { AlertDocument } from "../../src/db/alert.document";
import { COLLECTIONS } from "../../src/db/collection-names";
import { percentilesUnsupported } from "../../src/repositories/run-aggregation";
import type { TestDatabase } from "../helpers/test-database";
import { type GraphQLResult, startTestGateway, type TestGateway } from "../helpers/test-gateway";
import { useTestGateway } from "../helpers/use-test-gateway";
import { signTestJwt } from "../helpers/test-jwt";
import { startTestEngine, type TestEngine } from "../embedded-mongo/support/start-test-engine";
import { configErrorOf } from "../helpers/config-error-of";

// Every refusal of the metrics API: a stable code, the argument named, nothing sent to
// the database where the question alone is refused, and the server keeps serving.

const MAX_ROWS = 50;
const DAY = 86_400_000;
const START = Date.parse("2026-01-01T00:00:00Z");

/** 3 types × 3 sources every day for 20 days: 180 combinations of day, type and source. */
function dailyAlerts(): AlertDocument[] {
  const alerts: AlertDocument[] = [];
  for (let day = 0; day < 20; day++) {
    for (const type of ["cpu", "disk", "net"]) {
      for (const source of ["a", "b", "c"]) {
        alerts.push({
          _id: new ObjectId(),
          type,
          source,
          severity: Severity.LOW,
          message: "m",
          timestamp: new Date(START + day * DAY + 3_600_000),
          case_id: null,
          resolved: false,
          resolution: null,
        });
      }
    }
  }
  return alerts;
}

const { gateway } = useTestGateway("metrics_refusals", {
  seed: async (db) => {
    await db.collection<AlertDocument>(COLLECTIONS.alerts).insertMany(dailyAlerts());
  },
  gateway: { metrics: { ...loadConfig({}).metrics, maxMetricRows: MAX_ROWS } },
});

const RANGE = `range: { from: "2026-01-01T00:00:00Z", to: "2026-01-21T00:00:00Z" }`;

function expectRefused(result: GraphQLResult, code: string, argument?: string): void {
  expect(result.errors, JSON.stringify(result.body)).toHaveLength(1);
  const [error] = result.errors!;
  expect(error!.extensions?.code).toBe(code);
  if (argument) {
    expect(error!.extensions?.argument).toBe(argument);
    expect(error!.message).toContain(argument);
  }
}

async function refusedBeforeTheDatabase(query: string, code: string, argument?: string): Promise<void> {
  gateway.resetCommands();
  expectRefused(await gateway.graphql(query), code, argument);
  expect(gateway.commands.map((c) => c.commandName)).toEqual([]);
}

describe("metrics refusals", () => {
  it("refuses an unknown time zone, naming timeBucket.timezone, before the database", async () => {
    await refusedBeforeTheDatabase(
      `{ alertMetrics(timeBucket: { granularity: DAY, timezone: "Mars/Olympus" }, ${RANGE}) { rows { count } } }`,
      "BAD_USER_INPUT",
      "timeBucket.timezone",
    );
  });

  it("refuses from after to, and relative together with from/to, naming range", async () => {
    await refusedBeforeTheDatabase(
      `{ alertMetrics(range: { from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }) { rows { count } } }`,
      "BAD_USER_INPUT",
      "range",
    );
    await refusedBeforeTheDatabase(
      `{ caseMetrics(range: { relative: LAST_MONTH, from: "2026-01-01T00:00:00Z" }) { rows { count } } }`,
      "BAD_USER_INPUT",
      "range",
    );
  });

  it("refuses a top.measure that is not a count of that query", async () => {
    await refusedBeforeTheDatabase(
      `{ alertMetrics(groupBy: [TYPE], top: { measure: "resolvedRatio", limit: 2 }, ${RANGE}) { rows { count } } }`,
      "BAD_USER_INPUT",
      "top.measure",
    );
    await refusedBeforeTheDatabase(
      `{ caseMetrics(groupBy: [TAG], top: { measure: "unresolvedCount", limit: 2 }) { rows { count } } }`,
      "BAD_USER_INPUT",
      "top.measure",
    );
  });

  it("refuses, before the database, a bucket count over MAX_METRIC_ROWS", async () => {
    // 20 days of hours: 480 buckets > 50.
    await refusedBeforeTheDatabase(
      `{ alertMetrics(timeBucket: { granularity: HOUR }, ${RANGE}) { rows { count } } }`,
      "BAD_USER_INPUT",
      "timeBucket",
    );
    // 20 daily buckets × (top 3 + other) = 80 rows > 50.
    await refusedBeforeTheDatabase(
      `{ alertMetrics(groupBy: [TYPE], timeBucket: { granularity: DAY }, top: { measure: "count", limit: 3, withOther: true }, ${RANGE}) { rows { count } } }`,
      "BAD_USER_INPUT",
      "timeBucket",
    );
  });

  it("refuses an answer that would pass MAX_METRIC_ROWS, with a clear error, after one aggregation", async () => {
    gateway.resetCommands();
    const result = await gateway.graphql(
      `{ alertMetrics(groupBy: [TYPE, SOURCE], timeBucket: { granularity: DAY }, ${RANGE}) { rows { count } } }`,
    );
    expectRefused(result, "BAD_USER_INPUT", "groupBy");
    expect(result.errors![0]!.message).toMatch(/more than 50 rows \(MAX_METRIC_ROWS\)/);
    expect(gateway.commands.map((c) => c.commandName)).toEqual(["aggregate"]);
    // 9 combinations without buckets fit.
    const fits = await gateway.graphql(
      `{ alertMetrics(groupBy: [TYPE, SOURCE], ${RANGE}) { rows { count } } }`,
    );
    expect(fits.errors).toBeUndefined();
    expect(fits.data.alertMetrics.rows.map((r: { count: number }) => r.count)).toEqual(Array(9).fill(20));
  });

  it("prices drill-downs per estimated row for the cost limit (MAX_COST), before the database", async () => {
    const drillDown = `{ alertMetrics(groupBy: [TYPE, SOURCE], timeBucket: { granularity: DAY }, ${RANGE}) {
          rows { count alerts(first: 50) { edges { node { id } } } } } }`;
    gateway.resetCommands();
    const refused = await gateway.graphql(drillDown);
    expectRefused(refused, "BAD_USER_INPUT");
    expect(refused.errors![0]!.message).toMatch(/estimated cost/);
    expect(gateway.commands).toEqual([]);
    // The same rows without the drill-down cost what their fields cost.
    const plain = await gateway.graphql(
      `{ alertMetrics(groupBy: [TYPE], timeBucket: { granularity: DAY },
           range: { from: "2026-01-01T00:00:00Z", to: "2026-01-11T00:00:00Z" }) { rows { count } } }`,
    );
    expect(plain.errors).toBeUndefined();
    expect(plain.data.alertMetrics.rows).toHaveLength(30);
  });

  it("is for ANALYST and above: a VIEWER is refused before the database", async () => {
    const viewer = `Bearer ${await signTestJwt(UserRole.VIEWER)}`;
    for (const query of [
      `{ alertMetrics { rows { count } } }`,
      `{ caseMetrics { rows { count } } }`,
      `{ caseBacklog(timeBucket: { granularity: DAY }) { rows { open } } }`,
    ]) {
      gateway.resetCommands();
      const result = await gateway.graphql(query, undefined, { authorization: viewer });
      expectRefused(result, "FORBIDDEN");
      expect(gateway.commands.filter((c) => c.commandName === "aggregate")).toEqual([]);
    }
    const analyst = `Bearer ${await signTestJwt(UserRole.ANALYST)}`;
    const allowed = await gateway.graphql(`{ alertMetrics(${RANGE}) { rows { count } } }`, undefined, {
      authorization: analyst,
    });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.alertMetrics.rows).toEqual([{ count: 180 }]);
  });
});

describe("database refusals (on an engine of their own: fail points act server-wide)", () => {
  let engine: TestEngine;
  let isolated: TestGateway;

  beforeAll(async () => {
    engine = await startTestEngine();
    const dbName = "metrics_fail_points";
    await engine.client
      .db(dbName)
      .collection<AlertDocument>(COLLECTIONS.alerts)
      .insertOne({
        _id: new ObjectId(),
        type: "cpu",
        source: "a",
        severity: Severity.LOW,
        message: "m",
        timestamp: new Date(START),
        case_id: null,
        resolved: false,
        resolution: null,
      });
    const own: TestDatabase = {
      uri: engine.engine.uri,
      backend: "embedded",
      client: engine.client,
      db: engine.client.db(dbName),
      dbName,
      close: async () => undefined,
    };
    isolated = await startTestGateway(own);
  });

  afterAll(async () => {
    await isolated?.stop();
    await engine?.stop();
  });

  it("names the server's version when it refuses $percentile, and keeps serving", async () => {
    const { version } = await engine.client.db("admin").command({ buildInfo: 1 });
    // mongod before 7.0 answers "unknown group operator '$percentile'" (code 15952).
    await engine.client.db("admin").command({
      configureFailPoint: "failCommand",
      mode: { times: 1 },
      data: { failCommands: ["aggregate"], errorCode: 15952 },
    });
    const refused = await isolated.graphql(`{ caseMetrics { rows { resolutionTime { p90 } } } }`);
    expectRefused(refused, "UNSUPPORTED_BY_SERVER");
    expect(refused.errors![0]!.message).toContain(`MongoDB ${version}`);
    expect(refused.errors![0]!.extensions?.serverVersion).toBe(version);
    const again = await isolated.graphql(`{ caseMetrics { rows { count resolutionTime { p90 } } } }`);
    expect(again.errors).toBeUndefined();
    // The wording for a server older than 7.0.
    const old = percentilesUnsupported("6.0.13");
    expect(old.message).toMatch(/need MongoDB 7\.0 or newer/);
    expect(old.message).toContain("MongoDB 6.0.13");
  });

  it("answers TIMEOUT when the aggregation passes maxTimeMS (mapped once, in formatError)", async () => {
    await engine.client.db("admin").command({
      configureFailPoint: "failCommand",
      mode: { times: 1 },
      data: { failCommands: ["aggregate"], errorCode: 50 },
    });
    expectRefused(await isolated.graphql(`{ alertMetrics(${RANGE}) { rows { count } } }`), "TIMEOUT");
    const again = await isolated.graphql(`{ alertMetrics(${RANGE}) { rows { count } } }`);
    expect(again.data.alertMetrics.rows).toEqual([{ count: 1 }]);
  });
});

describe("metrics commands", () => {
  it("sends one aggregation per period, and computes only the selected measures", async () => {
    gateway.resetCommands();
    const result = await gateway.graphql(
      `{ alertMetrics(groupBy: [TYPE], timeBucket: { granularity: WEEK }, compareTo: PREVIOUS_YEAR, ${RANGE}) {
          rows { count previous { count } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const aggregates = gateway.commands.filter((c) => c.commandName === "aggregate");
    expect(gateway.commands.map((c) => c.commandName)).toEqual(["aggregate", "aggregate"]);
    for (const command of aggregates) {
      expect(command.command.maxTimeMS).toBeGreaterThan(0);
      const group = (command.command.pipeline as { $group?: Record<string, unknown> }[]).find(
        (s) => s.$group,
      )!;
      expect(Object.keys(group.$group!)).toEqual(["_id", "count"]);
    }
  });
});

describe("metrics configuration", () => {
  it("has safe defaults", () => {
    const { metrics } = loadConfig({});
    expect(metrics.maxMetricRows).toBe(10_000);
    expect(metrics.slaTargetsMs).toEqual({
      critical: 4 * 3_600_000,
      high: 24 * 3_600_000,
      medium: 72 * 3_600_000,
      low: 7 * 86_400_000,
    });
  });

  it("reads SLA_TARGETS and MAX_METRIC_ROWS, and reports every problem together", () => {
    const { metrics } = loadConfig({
      SLA_TARGETS: "low=30d, medium=2d,high=8h,critical=30m",
      MAX_METRIC_ROWS: "500",
    });
    expect(metrics.slaTargetsMs.critical).toBe(30 * 60_000);
    expect(metrics.slaTargetsMs.low).toBe(30 * 86_400_000);
    expect(metrics.maxMetricRows).toBe(500);
    const problems = configErrorOf({
      SLA_TARGETS: "critical=4h,high=1w",
      MAX_METRIC_ROWS: "0",
      PORT: "x",
    }).problems.join("\n");
    expect(problems).toMatch(/SLA_TARGETS/);
    expect(problems).toMatch(/MAX_METRIC_ROWS/);
    expect(problems).toMatch(/PORT/);
    expect(() => loadConfig({ SLA_TARGETS: "critical=4h,high=24h,medium=72h" })).toThrow(/missing low/);
  });
});

describe("explicit nulls", () => {
  it("take the defaults of the arguments they replace", async () => {
    const result = await gateway.graphql(
      `{ alertMetrics(groupBy: null, fillGaps: null, timeBucket: { granularity: MONTH, timezone: null, weekStartsOn: null },
           top: { measure: "count", limit: 1, withOther: null }, ${RANGE}) { rows { bucketLabel count } }
         caseMetrics(groupBy: null, timeField: null) { rows { count } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.alertMetrics.rows).toEqual([{ bucketLabel: "2026-01", count: 180 }]);
  });
});
