/**
 * Load test of the gateway against a hand-written baseline.
 *
 *   npx tsx bench/gateway.bench.ts
 *
 * Environment: BENCH_CASES (100000), BENCH_ALERTS (1000000), BENCH_USERS (1000),
 * BENCH_DURATION seconds per run (10), BENCH_CONNECTIONS (10), MONGODB_URI (else a
 * database is provisioned as `jupiter serve` does: mongod when one is available,
 * otherwise the embedded engine). BENCH_SMOKE=1: tiny data and one second per run, for
 * the test that keeps this script working (test/bench/bench-smoke.test.ts).
 *
 * The gateway authenticates every request, as in production: it runs with a random
 * JWT_SECRET and the load carries an ADMIN Bearer token of a seeded user (the same
 * fields as the baseline, e.g. User.email, are visible to ADMIN). Its rate limit is off
 * (RATE_LIMIT_PER_MINUTE=0): one user at thousands of requests per minute is the point.
 *
 * Seeds a fresh database with seedDemoData, then load-tests its scenarios (an empty
 * query, the case detail, a page of 50, the analytics and metrics queries) with
 * autocannon against the gateway and against a minimal Fastify server that answers the
 * same GraphQL requests with direct driver calls (no GraphQL execution, DataLoader or
 * validation); the ratio of their throughputs is the gateway's overhead. Two more
 * gateways run the same load with metrics on and with tracing on at 100% sampling
 * (bench/observability-overhead.ts): their req/s and ratio to the plain gateway are
 * the last columns.
 *
 * The database, the gateway and the baseline each run in a child process of their own
 * (this file again, with --role): sharing one event loop with each other or with
 * autocannon would measure contention, not the gateway. Read before and after each run,
 * the gateway's and the baseline's own figures (bench/support/child-stats.ts) give their
 * CPU time and database commands (driver command monitoring) per request.
 *
 * BENCH_SCENARIOS: only the scenarios whose name starts with one of these comma-separated
 * prefixes (e.g. "case detail,cases page"). The gateway and the baseline run with
 * NODE_ENV=production, as deployed (BENCH_NODE_ENV overrides it, e.g. "development").
 * BENCH_OVERHEAD=0: skip the metrics and tracing gateways (their cells print n/a).
 * BENCH_CPU_PROF=<dir>: profile the plain gateway's CPU during each scenario's load, and
 * the database's (V8 profiler: <dir>/<scenario>.cpuprofile and .database.cpuprofile), then
 * the baseline's and the database's during its load (.baseline.cpuprofile and
 * .baseline.database.cpuprofile), and print the items with the most self time of each
 * (bench/support/cpu-profile-summary.ts).
 */
import "reflect-metadata";
import { type ChildProcess, spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { mkdirSync } from "node:fs";
import { join, resolve as resolvePath } from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { MultiBar, Presets } from "cli-progress";
import Fastify, { type FastifyInstance } from "fastify";
import { type Db, MongoClient, ObjectId } from "mongodb";
import { loadConfig } from "../src/config";
import type { AlertDocument } from "../src/db/alert.document";
import type { CaseDocument } from "../src/db/case.document";
import { COLLECTIONS } from "../src/db/collection-names";
import { ensureIndexes } from "../src/operations/ensure-indexes";
import { provisionDatabase } from "../src/db/provision-database";
import type { UserDocument } from "../src/db/user.document";
import { graphqlUrl, startGateway } from "../src/main";
import { AnalyticsRepository } from "../src/repositories/analytics.repository";
import { seedDemoData } from "../src/seed/seed-demo-data";
import { UserRole } from "../src/domain/user-role.enum";
import { issueDemoTokens, randomJwtSecret } from "../src/auth/demo-tokens";
import { metricsDirectHandlers, metricsScenarios } from "./support/metrics-scenarios";
import {
  OBSERVABILITY_VARIANTS,
  observabilityVariantOf,
  OVERHEAD_HEADER,
  overheadCells,
  withObservability,
} from "./support/observability-overhead";
import { parseObjectId } from "../src/db/parse-object-id";
import { type ChildStats, childCommands, perRequest, serveChildStats } from "./support/child-stats";
import { printCpuProfileSummary } from "./support/cpu-profile-summary";

/** BENCH_SMOKE=1: tiny data, one second per run; checks the script, its figures mean nothing. */
const SMOKE = process.env.BENCH_SMOKE === "1";
const settings = {
  cases: positiveInteger("BENCH_CASES", SMOKE ? 200 : 100_000),
  alerts: positiveInteger("BENCH_ALERTS", SMOKE ? 2_000 : 1_000_000),
  users: positiveInteger("BENCH_USERS", SMOKE ? 20 : 1_000),
  duration: positiveInteger("BENCH_DURATION", SMOKE ? 1 : 10),
  connections: positiveInteger("BENCH_CONNECTIONS", SMOKE ? 2 : 10),
  scenarios: (process.env.BENCH_SCENARIOS ?? "")
    .split(",")
    .map((prefix) => prefix.trim())
    .filter(Boolean),
  overhead: process.env.BENCH_OVERHEAD !== "0",
  cpuProfileDir: process.env.BENCH_CPU_PROF ? resolvePath(process.env.BENCH_CPU_PROF) : undefined,
};
const DB_NAME = "jupiter_bench";
const MAX_TIME_MS = 60_000;
/** The seed's clock, and the end of the windows the analytics scenarios ask for. */
const NOW = new Date();
/** Per request: the embedded engine answers analytics over a million alerts in seconds, not ms. */
const REQUEST_TIMEOUT_S = 120;
/** Case ids the detail scenario cycles through, so that it is not one cached document. */
const SAMPLE_CASES = 2_000;
/** Roles of the child processes; the parent has none. */
type Role = "database" | "gateway" | "direct";

interface GraphqlRequest {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

interface Scenario {
  name: string;
  /** The n-th request of a run; varied where the query takes an id. */
  request(n: number): GraphqlRequest;
}

async function main(): Promise<void> {
  // The gateway child verifies tokens with this secret (it inherits the environment).
  process.env.BENCH_JWT_SECRET = randomJwtSecret();
  const children: ChildProcess[] = [];
  const stopChildren = async () => {
    // Each child stops what it started when its stdin closes, then exits.
    await Promise.all(children.reverse().map((child) => stopChild(child)));
  };
  process.once("SIGINT", () => void stopChildren().then(() => process.exit(130)));
  let client: MongoClient | undefined;
  try {
    const database = await startChild("database", children);
    const measureDatabase = (line = "stats") => database.command(line) as Promise<ChildStats>;
    console.log(database.note);
    const uri = database.address;

    client = await MongoClient.connect(uri);
    const db = client.db(DB_NAME);
    await db.dropDatabase();
    // Indexes first, as a gateway's start creates them before anyone seeds: index
    // maintenance is spread over the insert batches instead of one long build (which
    // on the embedded engine blocks it past the driver's heartbeat timeout at 1M alerts).
    await timed("indexes", () => ensureIndexes(db));
    await seed(db);
    authorization = await adminAuthorization(db, process.env.BENCH_JWT_SECRET);

    const gateway = await startChild("gateway", children, uri);
    const direct = await startChild("direct", children, uri);
    // Overhead columns: the same gateway with metrics on, and with tracing on (100% sampled).
    const [metricsUrl, tracingUrl] = settings.overhead
      ? await Promise.all(
          OBSERVABILITY_VARIANTS.map(
            async (variant) =>
              (await startChild("gateway", children, uri, { BENCH_OBSERVABILITY: variant })).address,
          ),
        )
      : [];

    const scenarios = (await buildScenarios(db)).filter(
      (scenario) =>
        settings.scenarios.length === 0 ||
        settings.scenarios.some((prefix) => scenario.name.startsWith(prefix)),
    );
    const rows: string[][] = [];
    for (const scenario of scenarios) {
      await checkSameAnswers(scenario, gateway.address, direct.address);
      const viaGateway = await measured(gateway, scenario, measureDatabase, settings.cpuProfileDir);
      const viaDirect = await measured(direct, scenario, measureDatabase, settings.cpuProfileDir, "baseline");
      const withMetrics = metricsUrl ? await load(metricsUrl, scenario) : undefined;
      const withTracing = tracingUrl ? await load(tracingUrl, scenario) : undefined;
      type Measured = typeof viaGateway;
      const throughput = (m: Measured) => [m.rps.toFixed(0), m.p50.toFixed(1), m.p99.toFixed(1)];
      // One figure for the gateway, then the same for the baseline.
      const both = (figure: (m: Measured) => number, digits: number) =>
        [viaGateway, viaDirect].map((m) => figure(m).toFixed(digits));
      rows.push([
        scenario.name,
        ...throughput(viaGateway),
        ...throughput(viaDirect),
        `${(viaDirect.rps / viaGateway.rps).toFixed(2)}x`,
        ...both((m) => m.cpuMs, 2),
        ...both((m) => m.commands, 1),
        ...both((m) => m.databaseCpuMs, 2),
        ...(withMetrics && withTracing
          ? overheadCells(viaGateway.rps, withMetrics.rps, withTracing.rps)
          : OVERHEAD_HEADER.map(() => "n/a")),
      ]);
    }
    console.log(
      `\n${settings.cases} cases, ${settings.alerts} alerts, ${settings.users} users; ` +
        `${settings.connections} connections, ${settings.duration} s per run; latencies in ms\n`,
    );
    printTable(
      [
        "scenario",
        "gateway req/s",
        "p50",
        "p99",
        "direct req/s",
        "p50",
        "p99",
        "direct/gateway",
        "gateway cpu ms/req",
        "direct cpu ms/req",
        "gateway db cmds/req",
        "direct db cmds/req",
        "db cpu ms/req (gateway)",
        "db cpu ms/req (direct)",
        ...OVERHEAD_HEADER,
      ],
      rows,
    );
  } finally {
    await client?.close();
    await stopChildren();
  }
}

/** A server child of the bench: its URL, and a line to ask it for its figures (child-stats.ts). */
interface ServerChild {
  address: string;
  command(line: string): Promise<unknown>;
}

/**
 * A load run with the child's CPU time and database commands per request around it,
 * and the database process's CPU time per request (what the child's queries cost it);
 * with `profileDir`, the child's CPU profile of the run is written there and summarised.
 */
async function measured(
  child: ServerChild,
  scenario: Scenario,
  measureDatabase: (line?: string) => Promise<unknown>,
  profileDir?: string,
  role: "gateway" | "baseline" = "gateway",
) {
  const suffix = role === "gateway" ? "" : `.${role}`;
  const profile = profileDir
    ? join(profileDir, `${scenario.name.replace(/\W+/g, "-")}${suffix}.cpuprofile`)
    : undefined;
  const databaseProfile = profile?.replace(/\.cpuprofile$/, ".database.cpuprofile");
  if (profile) {
    mkdirSync(profileDir!, { recursive: true });
    await child.command("profile-start");
    await measureDatabase("profile-start");
  }
  const before = (await child.command("stats")) as ChildStats;
  const databaseBefore = (await measureDatabase()) as ChildStats;
  const result = await load(child.address, scenario);
  const databaseAfter = (await measureDatabase()) as ChildStats;
  const after = (await child.command("stats")) as ChildStats;
  if (profile) {
    await child.command(`profile-stop ${profile}`);
    await measureDatabase(`profile-stop ${databaseProfile}`);
    console.log(`\n${scenario.name}, ${role}:`);
    printCpuProfileSummary(profile, 30);
    console.log(`\n${scenario.name}, database (the ${role}'s queries):`);
    printCpuProfileSummary(databaseProfile!, 15);
  }
  return {
    ...result,
    ...perRequest(before, after, result.requests),
    databaseCpuMs: perRequest(databaseBefore, databaseAfter, result.requests).cpuMs,
  };
}

/**
 * Starts this file in a child process with a role and waits for its "ready <address>"
 * line; lines before it (e.g. which database backend) come back as `note`.
 */
async function startChild(
  role: Role,
  children: ChildProcess[],
  uri?: string,
  env: Record<string, string> = {},
): Promise<ServerChild & { note: string }> {
  const child = spawn(process.execPath, [...process.execArgv, __filename, `--role=${role}`], {
    env: {
      ...process.env,
      // As deployed (README configuration): graphql-js skips its development-time checks.
      ...(role === "database" ? {} : { NODE_ENV: process.env.BENCH_NODE_ENV ?? "production" }),
      ...(uri ? { BENCH_MONGODB_URI: uri } : {}),
      ...env,
    },
    stdio: ["pipe", "pipe", "inherit"],
  });
  children.push(child);
  const notes: string[] = [];
  const lines = createInterface({ input: child.stdout! });
  const command = childCommands(child, lines);
  return new Promise((resolve, reject) => {
    child.once("exit", (code) =>
      reject(new Error(`the ${role} process exited (${code}) before it was ready`)),
    );
    lines.on("line", (line) => {
      const ready = /^ready (\S+)$/.exec(line);
      if (ready) resolve({ address: ready[1]!, note: notes.join("\n"), command });
      else if (!line.startsWith("reply ")) notes.push(`[${role}] ${line}`);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.stdin?.end();
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  await exited;
  clearTimeout(timer);
}

/** A child: serve its role until the parent closes stdin (or dies), then stop it. */
async function runRole(role: Role): Promise<void> {
  let stop: () => Promise<unknown>;
  /** The client whose commands the child counts (none for the database itself, which reports CPU only). */
  let counted: MongoClient | undefined;
  if (role === "database") {
    // Never a download: a local mongod when there is one, else the embedded engine.
    const database = await provisionDatabase();
    console.log(database.reason);
    console.log(`ready ${database.uri}`);
    stop = () => database.stop();
  } else {
    const uri = process.env.BENCH_MONGODB_URI!;
    if (role === "gateway") {
      const observed = await withObservability(
        {
          ...loadConfig({
            LOG_LEVEL: "silent",
            DEMO_DATA: "never",
            JWT_SECRET: process.env.BENCH_JWT_SECRET,
            RATE_LIMIT_PER_MINUTE: "0",
            // production: introspection for ANALYST+ only, no suggestions (the load is ADMIN).
            NODE_ENV: process.env.NODE_ENV,
            // Every request executes: this bench measures the gateway, not the response cache.
            CACHE_MAX_BYTES: "0",
            // Nor the alert rollups (bench:dashboards measures those).
            ROLLUPS: "off",
            // 0 compares with graphql-js executing every operation (README "Hot path").
            COMPILED_QUERY_CACHE_SIZE: process.env.COMPILED_QUERY_CACHE_SIZE,
          }),
          mongodbUri: uri,
          mongodbDb: DB_NAME,
          host: "127.0.0.1",
          port: 0,
          dbMaxTimeMs: MAX_TIME_MS,
        },
        observabilityVariantOf(process.env),
      );
      const gateway = await startGateway(observed.config, { playground: false });
      counted = gateway.client;
      console.log(`ready ${graphqlUrl(gateway)}`);
      stop = async () => {
        await gateway.stop();
        await observed.stop();
      };
    } else {
      // Monitored like the gateway's client (which has it on for its observability).
      const client = await MongoClient.connect(uri, { monitorCommands: true });
      counted = client;
      const app = await startDirectServer(client.db(DB_NAME));
      console.log(`ready http://127.0.0.1:${(app.server.address() as { port: number }).port}/graphql`);
      stop = async () => {
        await app.close();
        await client.close();
      };
    }
  }
  await serveChildStats(counted);
  await stop();
  process.exit(0);
}

/** The Authorization header of every request: an ADMIN token of a seeded user. */
let authorization = "";

async function adminAuthorization(db: Db, secret: string | undefined): Promise<string> {
  if (!secret) throw new Error("BENCH_JWT_SECRET is not set");
  const admin = (await issueDemoTokens(db, secret)).find((token) => token.role === UserRole.ADMIN);
  if (!admin) throw new Error("the seeded data has no ADMIN user to authenticate the load with");
  return `Bearer ${admin.token}`;
}

async function seed(db: Db): Promise<void> {
  const progress = process.stdout.isTTY ? progressBars() : progressLines();
  const started = performance.now();
  const counts = await seedDemoData(db, {
    users: settings.users,
    cases: settings.cases,
    alerts: settings.alerts,
    seed: 1,
    now: NOW,
    onProgress: progress.update,
  });
  progress.stop();
  console.log(`seeded ${JSON.stringify(counts)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

type SeedProgress = {
  update: (collection: string, done: number, total: number) => void;
  stop: () => void;
};

/** One bar per collection, on a terminal. */
function progressBars(): SeedProgress {
  const bars = new MultiBar(
    { format: "{collection} [{bar}] {value}/{total} {duration}s", hideCursor: true, clearOnComplete: false },
    Presets.shades_classic,
  );
  const byCollection = new Map<string, ReturnType<MultiBar["create"]>>();
  return {
    update: (collection, done, total) => {
      let bar = byCollection.get(collection);
      if (!bar)
        byCollection.set(collection, (bar = bars.create(total, 0, { collection: collection.padEnd(6) })));
      bar.update(done);
    },
    stop: () => bars.stop(),
  };
}

/** A line per collection every 10%, when the output is a file or a pipe (bars need a terminal). */
function progressLines(): SeedProgress {
  const reported = new Map<string, number>();
  return {
    update: (collection, done, total) => {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (done !== 0 && tenth > (reported.get(collection) ?? 0)) {
        reported.set(collection, tenth);
        console.log(`seeding ${collection}: ${done}/${total}`);
      }
    },
    stop: () => undefined,
  };
}

async function buildScenarios(db: Db): Promise<Scenario[]> {
  // Cases that have alerts, so the detail scenario loads some.
  const linked = await db
    .collection<AlertDocument>(COLLECTIONS.alerts)
    .find({ case_id: { $ne: null } }, { projection: { case_id: 1 }, limit: SAMPLE_CASES * 2 })
    .toArray();
  const caseIds = [...new Set(linked.map((alert) => alert.case_id!.toHexString()))].slice(0, SAMPLE_CASES);
  if (caseIds.length === 0) throw new Error("no case with alerts to benchmark");
  // Explicit windows ending at the seed's clock: with the default window ("the last 7
  // days" before each request's now) the gateway's and the baseline's answers differ.
  const since = new Date(NOW.getTime() - 30 * 86_400_000).toISOString();
  const trendWindow = { from: new Date(NOW.getTime() - 7 * 86_400_000).toISOString(), to: NOW.toISOString() };
  return [
    // No resolver and no database: what every request pays for the gateway's HTTP, GraphQL
    // and protection pipeline, against a bare Fastify route.
    {
      name: "empty query",
      request: () => ({
        operationName: "EmptyQuery",
        query: "query EmptyQuery { __typename }",
        variables: {},
      }),
    },
    {
      name: "case detail",
      request: (n) => ({
        operationName: "CaseDetail",
        query: CASE_DETAIL,
        variables: { id: caseIds[n % caseIds.length] },
      }),
    },
    {
      name: "cases page (50)",
      request: () => ({ operationName: "CasesPage", query: CASES_PAGE, variables: {} }),
    },
    {
      name: "caseStatistics",
      request: () => ({
        operationName: "CaseStatistics",
        query: CASE_STATISTICS,
        variables: { createdAfter: since },
      }),
    },
    {
      name: "alertTrends (7 d, daily)",
      request: () => ({
        operationName: "AlertTrends",
        query: ALERT_TRENDS,
        variables: { ...trendWindow, timezone: "Europe/Berlin" },
      }),
    },
    ...metricsScenarios(NOW),
  ];
}

const CASE_DETAIL = `query CaseDetail($id: ID!) {
  case(id: $id) {
    id title description status severity priority tags createdAt resolvedAt
    assignee { id name email }
    alerts(first: 20) { id type source severity message timestamp resolved }
  }
}`;

const CASES_PAGE = `query CasesPage {
  cases(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) {
    edges { node {
      id title status severity priority createdAt
      assignee { id name }
      alerts(first: 5) { id type severity timestamp }
    } }
  }
}`;

const CASE_STATISTICS = `query CaseStatistics($createdAfter: DateTime) {
  caseStatistics(filter: { createdAfter: $createdAfter }) { status severity count avgResolutionTimeSeconds }
}`;

const ALERT_TRENDS = `query AlertTrends($from: DateTime, $to: DateTime, $timezone: String) {
  alertTrends(from: $from, to: $to, granularity: DAY, timezone: $timezone, fillGaps: true) { bucket date type count }
}`;

/**
 * The baseline: the same four operations answered with driver calls and the same JSON,
 * without GraphQL parsing, validation, resolvers or DataLoader.
 */
async function startDirectServer(db: Db): Promise<FastifyInstance> {
  const cases = db.collection<CaseDocument>(COLLECTIONS.cases);
  const alerts = db.collection<AlertDocument>(COLLECTIONS.alerts);
  const users = db.collection<UserDocument>(COLLECTIONS.users);
  const analytics = new AnalyticsRepository(db, { maxTimeMS: MAX_TIME_MS });

  const newestAlerts = async (caseIds: ObjectId[], first: number) => {
    const groups = await alerts
      .aggregate<{ _id: ObjectId; alerts: AlertDocument[] }>([
        { $match: { case_id: { $in: caseIds } } },
        { $sort: { case_id: 1, timestamp: -1, _id: -1 } },
        { $group: { _id: "$case_id", alerts: { $push: "$$ROOT" } } },
        { $project: { alerts: { $slice: ["$alerts", first] } } },
      ])
      .toArray();
    return new Map(groups.map((group) => [group._id.toHexString(), group.alerts]));
  };
  const usersById = async (ids: ObjectId[]) => {
    const found = await users.find({ _id: { $in: ids } }).toArray();
    return new Map(found.map((user) => [user._id.toHexString(), user]));
  };

  const handlers: Record<string, (variables: Record<string, unknown>) => Promise<unknown>> = {
    EmptyQuery: async () => ({ __typename: "Query" }),
    CaseDetail: async ({ id }) => {
      const doc = await cases.findOne({ _id: parseObjectId(String(id), "id") });
      if (!doc) return { case: null };
      const [assignees, alertsByCase] = await Promise.all([
        usersById(doc.assignee ? [doc.assignee] : []),
        newestAlerts([doc._id], 20),
      ]);
      const assignee = doc.assignee ? assignees.get(doc.assignee.toHexString()) : undefined;
      return {
        case: {
          id: doc._id.toHexString(),
          title: doc.title,
          description: doc.description,
          status: upper(doc.status),
          severity: upper(doc.severity),
          priority: upper(doc.priority),
          tags: doc.tags,
          createdAt: doc.created_at.toISOString(),
          resolvedAt: doc.resolved_at?.toISOString() ?? null,
          assignee: assignee
            ? { id: assignee._id.toHexString(), name: assignee.name, email: assignee.email }
            : null,
          alerts: (alertsByCase.get(doc._id.toHexString()) ?? []).map((alert) => ({
            id: alert._id.toHexString(),
            type: alert.type,
            source: alert.source,
            severity: upper(alert.severity),
            message: alert.message,
            timestamp: alert.timestamp.toISOString(),
            resolved: alert.resolved,
          })),
        },
      };
    },
    CasesPage: async () => {
      const page = await cases.find({}).sort({ created_at: -1, _id: -1 }).limit(50).toArray();
      const assigneeIds = page.flatMap((doc) => (doc.assignee ? [doc.assignee] : []));
      const [assignees, alertsByCase] = await Promise.all([
        usersById(assigneeIds),
        newestAlerts(
          page.map((doc) => doc._id),
          5,
        ),
      ]);
      return {
        cases: {
          edges: page.map((doc) => {
            const assignee = doc.assignee ? assignees.get(doc.assignee.toHexString()) : undefined;
            return {
              node: {
                id: doc._id.toHexString(),
                title: doc.title,
                status: upper(doc.status),
                severity: upper(doc.severity),
                priority: upper(doc.priority),
                createdAt: doc.created_at.toISOString(),
                assignee: assignee ? { id: assignee._id.toHexString(), name: assignee.name } : null,
                alerts: (alertsByCase.get(doc._id.toHexString()) ?? []).map((alert) => ({
                  id: alert._id.toHexString(),
                  type: alert.type,
                  severity: upper(alert.severity),
                  timestamp: alert.timestamp.toISOString(),
                })),
              },
            };
          }),
        },
      };
    },
    CaseStatistics: async ({ createdAfter }) => ({
      caseStatistics: (await analytics.caseStatistics({ createdAfter: new Date(String(createdAfter)) })).map(
        (row) => ({ ...row, status: upper(row.status), severity: upper(row.severity) }),
      ),
    }),
    AlertTrends: async ({ from, to, timezone }) => ({
      alertTrends: (
        await analytics.alertTrends({
          from: new Date(String(from)),
          to: new Date(String(to)),
          granularity: "day",
          timezone: String(timezone),
          fillGaps: true,
        })
      ).map((row) => ({ ...row, bucket: row.bucket.toISOString() })),
    }),
    ...metricsDirectHandlers(db, MAX_TIME_MS),
  };

  const app = Fastify({ logger: false });
  app.post<{ Body: GraphqlRequest }>("/graphql", async (request, reply) => {
    const handler = handlers[request.body.operationName];
    if (!handler) return reply.code(400).send({ errors: [{ message: "unknown operation" }] });
    return { data: await handler(request.body.variables ?? {}) };
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  return app;
}

/** The gateway and the baseline must answer alike, or the comparison means nothing. */
async function checkSameAnswers(scenario: Scenario, gatewayUrl: string, directUrl: string): Promise<void> {
  const request = scenario.request(0);
  const [viaGateway, viaDirect] = await Promise.all([post(gatewayUrl, request), post(directUrl, request)]);
  if ((viaGateway as { errors?: unknown }).errors) {
    throw new Error(`${scenario.name}: the gateway answered ${JSON.stringify(viaGateway).slice(0, 500)}`);
  }
  if (JSON.stringify(viaGateway) !== JSON.stringify(viaDirect)) {
    console.warn(`warning: ${scenario.name}: gateway and baseline answers differ`);
  }
}

async function post(url: string, body: GraphqlRequest): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization },
    body: JSON.stringify(body),
  });
  return response.json();
}

async function load(
  url: string,
  scenario: Scenario,
): Promise<{ rps: number; p50: number; p99: number; requests: number }> {
  let n = 0;
  const result = await autocannon({
    url,
    connections: settings.connections,
    duration: settings.duration,
    timeout: REQUEST_TIMEOUT_S,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json", authorization },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(scenario.request(n++)) }),
      },
    ],
  });
  // A refused request (401, 429, 400) means the bench measures refusals: stop.
  if (result.non2xx > 0) {
    throw new Error(
      `${scenario.name} on ${url}: ${result.non2xx} of ${result.requests.total} answers not 2xx`,
    );
  }
  if (result.errors > 0) {
    console.warn(`warning: ${scenario.name} on ${url}: ${result.errors} errors (timeouts or resets)`);
  }
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
  };
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function upper(value: string): string {
  return value.toUpperCase();
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(row));
}

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive whole number; got "${raw}"`);
  return value;
}

const role = /^--role=(database|gateway|direct)$/.exec(process.argv[2] ?? "")?.[1] as Role | undefined;
(role ? runRole(role) : main()).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
