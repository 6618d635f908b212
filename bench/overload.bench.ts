/**
 * Health and metrics endpoints while the gateway is saturated.
 *
 *   npm run bench:overload                  # 64, then 256 connections of caseStatistics, 15 s each
 *   BENCH_SMOKE=1 npm run bench:overload    # the same in miniature (the test suite runs it)
 *
 * Environment: BENCH_CONNECTIONS (256), BENCH_DURATION seconds (15), BENCH_CASES (5,000),
 * BENCH_IN_FLIGHT (MAX_IN_FLIGHT_REQUESTS of the gateway, 32), BENCH_QUEUED
 * (MAX_QUEUED_REQUESTS, 32), MONGODB_URI (else the embedded engine, `jupiter embedded-mongo`, in
 * a child process, so that its work does not delay this process's probes).
 *
 * The gateway runs as `jupiter serve` in a child process, with the response cache off (every
 * caseStatistics runs its aggregation). autocannon, in a worker thread, keeps requests
 * coming: first exactly as many as the admission limits admit (every slot taken, the queue
 * full, nothing refused), then far more (most refused 503 OVERLOADED in a tight loop).
 * Meanwhile this thread asks /healthz, /readyz and /metrics one after the other and records
 * how long each answer took; the same probes on the idle gateway first give the baseline.
 * The figures: p50/p99/max per endpoint and load, and what became of the GraphQL requests.
 */
import "reflect-metadata";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as os from "node:os";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { MongoClient } from "mongodb";
import { issueDemoTokens, randomJwtSecret } from "../src/auth/demo-tokens";
import { UserRole } from "../src/domain/user-role.enum";
import { seedDemoData } from "../src/seed/seed-demo-data";
import { playgroundUrl, startEngineProcess, startServeProcess } from "./support/jupiter-child-process";
import { benchSettings } from "./support/positive-integer-setting";
import { sortedPercentile } from "./support/sorted-percentile";
import { isSmokeRun } from "./support/smoke-run";

const smoke = isSmokeRun();
const settings = benchSettings(smoke, {
  connections: ["BENCH_CONNECTIONS", 48, 256],
  duration: ["BENCH_DURATION", 2, 15],
  cases: ["BENCH_CASES", 200, 5_000],
  inFlight: ["BENCH_IN_FLIGHT", 8, 32],
  queued: ["BENCH_QUEUED", 8, 32],
});
const ENDPOINTS = ["/healthz", "/readyz", "/metrics"] as const;
const QUERY = JSON.stringify({ query: "{ caseStatistics { status severity count } }" });

async function main(): Promise<void> {
  const database = await startDatabase();
  const dbName = `jupiter_bench_overload_${randomBytes(3).toString("hex")}`;
  const secret = randomJwtSecret();
  const metricsToken = randomBytes(24).toString("hex");
  const client = await MongoClient.connect(database.uri);
  let gateway: ChildProcessWithoutNullStreams | undefined;
  try {
    console.log(database.reason);
    const db = client.db(dbName);
    await seedDemoData(db, { users: 20, cases: settings.cases, alerts: 0 });
    const admin = (await issueDemoTokens(db, secret)).find((token) => token.role === UserRole.ADMIN);
    if (!admin) throw new Error("the seeded data has no ADMIN user");
    const served = await serve(database.uri, dbName, secret, metricsToken);
    gateway = served.child;
    const url = served.url;
    const probeHeaders = { authorization: `Bearer ${metricsToken}` };

    console.log(
      `bench:overload${smoke ? " (smoke)" : ""}: MAX_IN_FLIGHT_REQUESTS=${settings.inFlight}, ` +
        `MAX_QUEUED_REQUESTS=${settings.queued}; caseStatistics over ${settings.cases} cases (cache off), ` +
        `${settings.duration} s per load; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} before`,
    );
    const rows: { load: string; latencies: Map<string, number[]> }[] = [
      { load: "idle", latencies: await probe(url, probeHeaders, () => false, smoke ? 30 : 300) },
    ];
    const loads = [
      // Every request admitted: as many connections as slots and queue places.
      { name: "at the limits", connections: settings.inFlight + settings.queued },
      // Far beyond: most requests refused, in a tight loop.
      { name: "flooded", connections: settings.connections },
    ];
    const summaries: string[] = [];
    let refusedWhenFlooded = 0;
    for (const { name, connections } of loads) {
      let loading = true;
      const load = autocannon({
        url: `${url}/graphql`,
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${admin.token}` },
        body: QUERY,
        connections,
        duration: settings.duration,
        workers: 1,
      });
      // Let the load build up before measuring.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const probing = probe(url, probeHeaders, () => !loading, Number.POSITIVE_INFINITY);
      const result = await load;
      loading = false;
      const label = `${name} (${connections} connections)`;
      rows.push({ load: label, latencies: await probing });
      const codes = result.statusCodeStats as Record<string, { count: number }> | undefined;
      const count = (status: string) => codes?.[status]?.count ?? 0;
      if (name === "flooded") refusedWhenFlooded = count("503");
      summaries.push(
        `GraphQL ${label}: ${count("200")} answered 200, ${count("503")} refused 503 OVERLOADED, ` +
          `${result.errors} errors, ${result.timeouts} timeouts, ${Math.round(result.requests.average)} requests/s`,
      );
    }

    console.log("| load | endpoint | p50 ms | p99 ms | max ms | probes |");
    console.log("| --- | --- | --- | --- | --- | --- |");
    for (const { load, latencies } of rows) {
      for (const endpoint of ENDPOINTS) {
        const values = latencies.get(endpoint)!;
        console.log(
          `| ${load} | ${endpoint} | ${ms(sortedPercentile(values, 50))} | ${ms(sortedPercentile(values, 99))} | ` +
            `${ms(values.at(-1)!)} | ${values.length} |`,
        );
      }
    }
    for (const summary of summaries) console.log(summary);
    console.log(`load average ${os.loadavg()[0]!.toFixed(1)} after`);
    if (refusedWhenFlooded === 0) {
      throw new Error("the flood was not refused: the gateway was not saturated, the figures mean nothing");
    }
  } finally {
    gateway?.kill("SIGTERM");
    await client.close();
    await database.stop();
  }
}

/**
 * Asks the endpoints in turn, one request at a time, until `done()` (at least one round) or
 * `rounds` rounds; answers the sorted latencies per endpoint. A probe that is not 200 throws.
 */
async function probe(
  url: string,
  headers: Record<string, string>,
  done: () => boolean,
  rounds: number,
): Promise<Map<string, number[]>> {
  const latencies = new Map<string, number[]>(ENDPOINTS.map((endpoint) => [endpoint, []]));
  for (let round = 0; round < rounds && (round === 0 || !done()); round++) {
    for (const endpoint of ENDPOINTS) {
      const started = performance.now();
      const response = await fetch(`${url}${endpoint}`, { headers: endpoint === "/metrics" ? headers : {} });
      await response.arrayBuffer();
      latencies.get(endpoint)!.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`${endpoint} answered ${response.status} under load`);
    }
  }
  for (const values of latencies.values()) values.sort((a, b) => a - b);
  return latencies;
}

/** MONGODB_URI, or the embedded engine in a child process of its own. */
async function startDatabase(): Promise<{ uri: string; reason: string; stop: () => Promise<void> }> {
  const given = process.env.MONGODB_URI;
  if (given) return { uri: given, reason: "database: MONGODB_URI", stop: async () => undefined };
  const engine = await startEngineProcess();
  return { ...engine, reason: "database: the embedded engine (`jupiter embedded-mongo`) in a child process" };
}

function serve(
  uri: string,
  dbName: string,
  secret: string,
  metricsToken: string,
): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  return startServeProcess(
    {
      MONGODB_URI: uri,
      MONGODB_DB: dbName,
      MONGODB_ENGINE: "",
      HOST: "127.0.0.1",
      PORT: "0",
      JWT_SECRET: secret,
      DEMO_DATA: "never",
      LOG_LEVEL: "warn",
      RATE_LIMIT_PER_MINUTE: "0",
      CACHE_MAX_BYTES: "0",
      METRICS_TOKEN: metricsToken,
      MAX_IN_FLIGHT_REQUESTS: String(settings.inFlight),
      MAX_QUEUED_REQUESTS: String(settings.queued),
    },
    playgroundUrl,
  ).then(({ child, ready }) => ({ child, url: ready }));
}

function ms(value: number): string {
  return value.toFixed(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
