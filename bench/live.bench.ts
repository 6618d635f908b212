/**
 * Live subscriptions under load.
 *
 *   npm run bench:live              # 1,000 subscriptions, 100 argument sets, 100 alerts/s for 30 s
 *   npm run bench:live -- --smoke   # the same in miniature (a few seconds; the test suite runs it)
 *
 * Environment: BENCH_SUBSCRIPTIONS (1000), BENCH_ARGUMENT_SETS (100), BENCH_RATE alerts per
 * second (100), BENCH_DURATION seconds (30), LIVE_POLL_SECONDS (1) and LIVE_MIN_INTERVAL_MS
 * (1000) for the gateway, MONGODB_URI (else a database is provisioned as `jupiter serve`
 * does: mongod when one is available, otherwise the embedded engine, in this process).
 *
 * The gateway runs as `jupiter serve` in a child process of its own, so its memory is its
 * own (read from /proc). Subscribers hold alertTrendsLive over WebSocket (graphql-ws),
 * spread over 100 time zones (one argument set each), while this process inserts alerts
 * straight into MongoDB at a steady rate. Figures, all measured at the clients:
 * - recomputations per second: distinct results delivered per argument set (each
 *   recomputation that changed the result reaches every subscriber of its set once);
 * - event delay: from an alert's insert to the first result that counts it, per subscriber;
 * - gateway resident memory before subscribing and at the end.
 */
import "reflect-metadata";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { type Client, createClient } from "graphql-ws";
import { SignJWT } from "jose";
import { MongoClient, ObjectId } from "mongodb";
import WebSocket from "ws";
import { provisionDatabase } from "../src/db/provision-database";
import { playgroundUrl, startServeProcess } from "./support/jupiter-child-process";
import { benchSettings } from "./support/positive-integer-setting";
import { isSmokeRun } from "./support/smoke-run";

const smoke = isSmokeRun();
const settings = benchSettings(smoke, {
  subscriptions: ["BENCH_SUBSCRIPTIONS", 20, 1_000],
  argumentSets: ["BENCH_ARGUMENT_SETS", 4, 100],
  rate: ["BENCH_RATE", 20, 100],
  duration: ["BENCH_DURATION", 3, 30],
  pollSeconds: ["LIVE_POLL_SECONDS", 1, 1],
  minIntervalMs: ["LIVE_MIN_INTERVAL_MS", 1_000, 1_000],
});
const SUBSCRIPTIONS_PER_CONNECTION = 100;
const ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "Asia/Tokyo",
  "Australia/Sydney",
  "America/Sao_Paulo",
  "Asia/Kolkata",
  "Africa/Cairo",
  "Europe/London",
  "America/Los_Angeles",
];

async function main(): Promise<void> {
  const database = await provisionDatabase({ env: { ...process.env, MONGOD_DOWNLOAD_TIMEOUT_MS: "0" } });
  const dbName = `jupiter_bench_live_${randomBytes(3).toString("hex")}`;
  const secret = randomBytes(32).toString("hex");
  const client = await MongoClient.connect(database.uri);
  let gateway: ChildProcessWithoutNullStreams | undefined;
  const clients: Client[] = [];
  try {
    console.log(database.reason);
    console.log(
      `bench:live${smoke ? " (smoke)" : ""}: ${settings.subscriptions} subscriptions over ${settings.argumentSets} argument sets, ` +
        `${settings.rate} alerts/s for ${settings.duration} s; LIVE_POLL_SECONDS=${settings.pollSeconds}, LIVE_MIN_INTERVAL_MS=${settings.minIntervalMs}`,
    );
    const served = await serve(database.uri, dbName, secret);
    gateway = served.child;
    console.log(served.liveLine);
    const token = await new SignJWT({ role: "analyst" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(new ObjectId().toHexString())
      .setExpirationTime("2h")
      .sign(new TextEncoder().encode(secret));
    const memoryBefore = residentMemory(gateway.pid);

    // Inserted alerts, in order: when each was written.
    const insertedAt: number[] = [];
    const delays: number[] = [];
    const resultsPerSet = new Map<number, Set<number>>();
    let events = 0;
    let baseline = -1;
    const connections = Math.ceil(settings.subscriptions / SUBSCRIPTIONS_PER_CONNECTION);
    for (let index = 0; index < connections; index++) {
      clients.push(
        createClient({
          url: `${served.url.replace(/^http/, "ws")}/graphql`,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${token}` },
          retryAttempts: 0,
        }),
      );
    }
    const firstResults: Promise<void>[] = [];
    for (let index = 0; index < settings.subscriptions; index++) {
      const set = index % settings.argumentSets;
      const timezone = zoneOf(set);
      let seen = -1;
      let resolveFirst: () => void = () => undefined;
      firstResults.push(new Promise<void>((resolve) => (resolveFirst = resolve)));
      clients[Math.floor(index / SUBSCRIPTIONS_PER_CONNECTION)]!.subscribe<{
        alertTrendsLive: { count: number }[];
      }>(
        {
          query: `subscription($timezone: String) { alertTrendsLive(timezone: $timezone, granularity: HOUR, fillGaps: false) { count } }`,
          variables: { timezone },
        },
        {
          next: (result) => {
            const arrived = performance.now();
            if (!result.data) throw new Error(`subscription failed: ${JSON.stringify(result.errors)}`);
            const total = result.data.alertTrendsLive.reduce((sum, point) => sum + point.count, 0);
            events += 1;
            if (seen < 0) {
              seen = total;
              if (baseline < 0) baseline = total;
              resolveFirst();
              return;
            }
            let sizes = resultsPerSet.get(set);
            if (!sizes) resultsPerSet.set(set, (sizes = new Set()));
            sizes.add(total);
            for (let k = seen - baseline; k < total - baseline; k++) {
              const at = insertedAt[k];
              if (at !== undefined) delays.push(arrived - at);
            }
            seen = total;
          },
          error: (error) => console.error("subscription error:", error),
          complete: () => undefined,
        },
      );
    }
    await Promise.all(firstResults);
    const memorySubscribed = residentMemory(gateway.pid);

    // Steady inserts: every 100 ms, rate/10 alerts.
    const alerts = client.db(dbName).collection("alerts");
    const perTick = Math.max(1, Math.round(settings.rate / 10));
    const ticks = settings.duration * 10;
    const started = performance.now();
    for (let tick = 0; tick < ticks; tick++) {
      const due = started + tick * 100;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const now = new Date();
      const batch = Array.from({ length: perTick }, (_, i) => ({
        type: ["cpu", "disk", "net", "mem"][(tick + i) % 4]!,
        source: "bench",
        severity: "low",
        message: "bench:live",
        timestamp: now,
        case_id: null,
        resolved: false,
        resolution: null,
      }));
      const before = performance.now();
      await alerts.insertMany(batch);
      for (let i = 0; i < perTick; i++) insertedAt.push(before);
    }
    const insertSeconds = (performance.now() - started) / 1000;
    // Let the last changes arrive: a poll period plus a recomputation interval, twice.
    await new Promise((resolve) =>
      setTimeout(resolve, 2 * (settings.pollSeconds * 1000 + settings.minIntervalMs)),
    );
    const memoryAfter = residentMemory(gateway.pid);

    const recomputations = [...resultsPerSet.values()].reduce((sum, sizes) => sum + sizes.size, 0);
    delays.sort((a, b) => a - b);
    const quantile = (q: number) =>
      delays.length ? delays[Math.min(delays.length - 1, Math.floor(q * delays.length))]! : NaN;
    console.log("");
    console.log("| measure | value |");
    console.log("| --- | --- |");
    console.log(`| alerts inserted | ${insertedAt.length} in ${insertSeconds.toFixed(1)} s |`);
    console.log(`| events delivered | ${events} |`);
    console.log(`| recomputations/s (all argument sets) | ${(recomputations / insertSeconds).toFixed(1)} |`);
    console.log(
      `| recomputations/s per argument set | ${(recomputations / insertSeconds / settings.argumentSets).toFixed(2)} |`,
    );
    console.log(
      `| event delay p50 / p99 (insert → delivery) | ${quantile(0.5).toFixed(0)} / ${quantile(0.99).toFixed(0)} ms |`,
    );
    console.log(
      `| gateway RSS: idle / subscribed / end | ${memoryBefore} / ${memorySubscribed} / ${memoryAfter} MiB |`,
    );
    if (delays.length === 0) throw new Error("no alert reached a subscriber");
  } finally {
    await Promise.all(clients.map((live) => live.dispose()));
    if (gateway && gateway.exitCode === null) {
      const exited = new Promise((resolve) => gateway!.once("exit", resolve));
      gateway.kill("SIGTERM");
      await exited;
    }
    await client
      .db(dbName)
      .dropDatabase()
      .catch(() => undefined);
    await client.close();
    await database.stop();
  }
}

function zoneOf(set: number): string {
  const zone = ZONES[set % ZONES.length]!;
  // More sets than zones: the same zone with a different `types` filter would do too;
  // a distinct fixed offset keeps the arguments distinct and the totals identical.
  return set < ZONES.length ? zone : `Etc/GMT${set % 2 ? "+" : "-"}${(set % 12) + 1}`.replace("GMT-0", "GMT");
}

/** `jupiter serve` in a child process; resolves with its URL and its live start-up line. */
function serve(
  uri: string,
  dbName: string,
  secret: string,
): Promise<{ child: ChildProcessWithoutNullStreams; url: string; liveLine: string }> {
  return startServeProcess(
    {
      MONGODB_URI: uri,
      MONGODB_DB: dbName,
      MONGODB_ENGINE: "",
      PORT: "0",
      JWT_SECRET: secret,
      DEMO_DATA: "never",
      LOG_LEVEL: "info",
      RATE_LIMIT_PER_MINUTE: "0",
      LIVE_POLL_SECONDS: String(settings.pollSeconds),
      LIVE_MIN_INTERVAL_MS: String(settings.minIntervalMs),
      MAX_SUBSCRIPTIONS_PER_CONNECTION: String(SUBSCRIPTIONS_PER_CONNECTION),
      MAX_LIVE_CONNECTIONS_PER_CALLER: String(
        Math.ceil(settings.subscriptions / SUBSCRIPTIONS_PER_CONNECTION) + 1,
      ),
    },
    (output) => {
      const url = playgroundUrl(output);
      const live = /"msg":"(live: [^"]*)"/.exec(output);
      return url && live ? { url, liveLine: live[1]! } : undefined;
    },
  ).then(({ child, ready }) => ({ child, ...ready }));
}

/** Resident memory of a process in MiB (Linux /proc), or "n/a". */
function residentMemory(pid: number | undefined): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return (kib / 1024).toFixed(0);
  } catch {
    return "n/a";
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
