/**
 * What the response cache and the alert rollups do for dashboards: the same trend and
 * metrics polls answered live (every request aggregates the raw alerts), from the cache,
 * and from alert_rollups (ROLLUPS=on, cache off); a hundred identical polls at once
 * (single flight); the cost of a full rollup rebuild and of one incremental refresh
 * after 1,000 new alerts.
 *
 *   npm run bench:dashboards
 *
 * Environment: BENCH_ALERTS (1000000), BENCH_RUNS live requests per query (5),
 * MONGODB_URI (else a database is provisioned as `jupiter serve` does). BENCH_SMOKE=1:
 * tiny data and few runs, for test/bench/bench-smoke.test.ts; its figures mean nothing.
 *
 * One process: database (when provisioned), three gateways (CACHE_MAX_BYTES=0 and
 * ROLLUPS=off; the cache on with a TTL of an hour so that every hit run is within it; the
 * rollups on with the cache off) and the client.
 * Latencies therefore include the engine's work on this event loop; the ratio and the
 * count of aggregations are the figures to read. Aggregations are counted with the
 * driver's command monitoring on the cached gateway's client.
 */
import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { type CommandStartedEvent, type Document, MongoClient, ObjectId } from "mongodb";
import { loadConfig } from "../src/config";
import { provisionDatabase } from "../src/db/provision-database";
import { refreshRollups } from "../src/operations/refresh-rollups";
import { ROLLUP_TIERS } from "../src/db/rollup-tiers";
import { type Gateway, graphqlUrl, startGateway } from "../src/main";
import { positiveInteger } from "./support/positive-integer-setting";

const SMOKE = process.env.BENCH_SMOKE === "1";
const ALERTS = positiveInteger("BENCH_ALERTS", SMOKE ? 2_000 : 1_000_000);
const RUNS = positiveInteger("BENCH_RUNS", SMOKE ? 2 : 5);
const HIT_RUNS = SMOKE ? 10 : 50;
const CONCURRENT = 100;
const DB_NAME = "jupiter_bench_dashboards";
const DAY_MS = 86_400_000;
const NOW = Date.now();

interface Query {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

const QUERIES: Query[] = [
  {
    name: "alertTrends (30 d, daily, Berlin)",
    query: `query Trends($from: DateTime!, $to: DateTime!) {
      alertTrends(from: $from, to: $to, granularity: DAY, timezone: "Europe/Berlin") { bucket type count }
    }`,
    variables: { from: new Date(NOW - 30 * DAY_MS).toISOString(), to: new Date(NOW).toISOString() },
  },
  {
    name: "alertMetrics (by type)",
    query: `query ByType { alertMetrics(groupBy: [TYPE]) { rows { count } } }`,
    variables: {},
  },
];

async function main(): Promise<void> {
  const uri = process.env.MONGODB_URI?.trim();
  const provisioned = uri ? undefined : await provisionDatabase();
  if (provisioned) console.log(provisioned.reason);
  const client = await MongoClient.connect(uri || provisioned!.uri);
  const gateways: Gateway[] = [];
  try {
    const db = client.db(DB_NAME);
    await db.dropDatabase();
    const started = Date.now();
    await seedAlerts(client);
    console.log(
      `seeded ${ALERTS.toLocaleString("en-US")} alerts in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    const secret = randomBytes(32).toString("hex");
    const start = async (cache: Record<string, string>) => {
      const gateway = await startGateway(
        {
          ...loadConfig({
            LOG_LEVEL: "silent",
            DEMO_DATA: "never",
            JWT_SECRET: secret,
            RATE_LIMIT_PER_MINUTE: "0",
            DB_MAX_TIME_MS: "600000",
            ...cache,
          }),
          mongodbUri: uri || provisioned!.uri,
          mongodbDb: DB_NAME,
          host: "127.0.0.1",
          port: 0,
        },
        { playground: false, mongoClientOptions: { monitorCommands: true } },
      );
      gateways.push(gateway);
      return gateway;
    };
    const live = await start({ CACHE_MAX_BYTES: "0", ROLLUPS: "off" });
    const cached = await start({ CACHE_TTL_ANALYTICS_SECONDS: "3600", ROLLUPS: "off" });
    let aggregations = 0;
    cached.client.on("commandStarted", (event) => {
      if (event.commandName === "aggregate") aggregations += 1;
    });
    const authorization = `Bearer ${await new SignJWT({ role: "admin" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(new ObjectId().toHexString())
      .setExpirationTime("2h")
      .sign(new TextEncoder().encode(secret))}`;
    const ask = async (gateway: Gateway, query: Query, variables = query.variables): Promise<number> => {
      const began = performance.now();
      const response = await fetch(graphqlUrl(gateway), {
        method: "POST",
        headers: { "content-type": "application/json", authorization },
        body: JSON.stringify({ query: query.query, variables }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (response.status !== 200 || body.errors) {
        throw new Error(`${query.name}: ${response.status} ${JSON.stringify(body.errors)}`);
      }
      return performance.now() - began;
    };

    /**
     * A table of every query's median answered live against its median from `other`: RUNS
     * live requests, then one unmeasured request to `other` (the cache miss, or the first
     * read of the rollups: tens of milliseconds) and HIT_RUNS measured ones, so that a
     * collection pause after the live runs does not decide the median.
     */
    const compareWithLive = async (label: string, other: Gateway): Promise<void> => {
      console.log(pad("query", 36) + pad("live p50 ms", 14) + pad(`${label} p50 ms`, 14) + `${label}/live`);
      for (const query of QUERIES) {
        const liveTimes: number[] = [];
        for (let run = 0; run < RUNS; run += 1) liveTimes.push(await ask(live, query));
        await ask(other, query);
        const otherTimes: number[] = [];
        for (let run = 0; run < HIT_RUNS; run += 1) otherTimes.push(await ask(other, query));
        console.log(medianRow(query.name, liveTimes, otherTimes));
      }
    };

    console.log("");
    await compareWithLive("hit", cached);

    // A range no request asked for yet: every one of the hundred is a miss or waits for one.
    const trends = QUERIES[0]!;
    const fresh = { ...trends.variables, to: new Date(NOW - 1).toISOString() };
    aggregations = 0;
    const times = await Promise.all(Array.from({ length: CONCURRENT }, () => ask(cached, trends, fresh)));
    console.log("");
    console.log(
      `${CONCURRENT} concurrent identical polls: ${aggregations} aggregation(s) sent, ` +
        `p50 ${percentile(times, 0.5).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms`,
    );

    // Rollups: a full rebuild timed here, then a gateway reading them (its own refresh
    // only when asked: the period is a day), then one refresh after 1,000 new alerts.
    console.log("");
    const rebuildStarted = performance.now();
    const rebuilt = await refreshRollups(db, { now: new Date(), lookbackMs: 48 * 3_600_000, full: true });
    const rebuildMs = performance.now() - rebuildStarted;
    const rollup = await start({ CACHE_MAX_BYTES: "0", ROLLUP_REFRESH_SECONDS: "86400" });
    await rollup.rollups!.refreshNow();
    await compareWithLive("rollup", rollup);
    console.log("");
    for (const query of QUERIES) {
      const read = await rollupDocumentsRead(rollup, () => ask(rollup, query));
      console.log(
        `rollup documents read by ${query.name}: ${read.total.toLocaleString("en-US")} (${read.perTier
          .map(([tier, n]) => `${tier} ${n.toLocaleString("en-US")}`)
          .join(", ")})`,
      );
    }
    await seedAlerts(client, 1_000, Date.now(), 3_600_000);
    const refreshStarted = performance.now();
    const refreshed = await rollup.rollups!.refreshNow();
    const refreshMs = performance.now() - refreshStarted;
    console.log("");
    console.log(
      `rollup full rebuild: ${(rebuildMs / 1000).toFixed(1)} s, ${rebuilt.written.toLocaleString("en-US")} rollup documents`,
    );
    console.log(
      `  and ${rebuilt.tiers.written.toLocaleString("en-US")} tier documents (hours, six hours, days, months)`,
    );
    console.log(
      `rollup incremental refresh after 1,000 new alerts (48 h lookback): ${refreshMs.toFixed(0)} ms, ` +
        `${refreshed?.written.toLocaleString("en-US") ?? "?"} rollup documents rewritten`,
    );
  } finally {
    for (const gateway of gateways) await gateway.stop();
    await client.close();
    await provisioned?.stop();
  }
}

/** `count` alerts over the `spanMs` before `end` (default: 60 days before NOW), in batches of 10,000 through the driver. */
async function seedAlerts(
  client: MongoClient,
  count = ALERTS,
  end = NOW,
  spanMs = 60 * DAY_MS,
): Promise<void> {
  const alerts = client.db(DB_NAME).collection("alerts");
  const severities = ["low", "medium", "high", "critical"];
  const BATCH = 10_000;
  for (let offset = 0; offset < count; offset += BATCH) {
    const size = Math.min(BATCH, count - offset);
    await alerts.insertMany(
      Array.from({ length: size }, (_, i) => {
        const n = offset + i;
        const resolved = n % 3 === 0;
        return {
          type: `type-${n % 12}`,
          source: `source-${n % 40}`,
          severity: severities[n % 4],
          message: "bench alert",
          timestamp: new Date(end - ((n * 7919) % spanMs)),
          case_id: null,
          resolved,
          resolution: resolved ? "fixed" : null,
        };
      }),
      { ordered: false },
    );
  }
}

/**
 * The rollup documents one request reads: the `$match` of every aggregation the gateway
 * sends to a rollup tier (driver command monitoring), counted with the driver.
 */
async function rollupDocumentsRead(
  gateway: Gateway,
  request: () => Promise<unknown>,
): Promise<{ total: number; perTier: [string, number][] }> {
  const tiers = new Set(ROLLUP_TIERS.map((tier) => tier.collection));
  const matches: [string, Document][] = [];
  const listener = (event: CommandStartedEvent) => {
    const collection = event.command.aggregate as unknown;
    if (event.commandName === "aggregate" && typeof collection === "string" && tiers.has(collection)) {
      // A copy: the event's command is the driver's own document.
      matches.push([
        collection,
        structuredClone((event.command.pipeline as Document[])[0]!.$match as Document),
      ]);
    }
  };
  gateway.client.on("commandStarted", listener);
  try {
    await request();
  } finally {
    gateway.client.off("commandStarted", listener);
  }
  const db = gateway.client.db(DB_NAME);
  const perTier: [string, number][] = [];
  for (const [collection, match] of matches)
    perTier.push([collection, await db.collection(collection).countDocuments(match)]);
  return { total: perTier.reduce((sum, [, n]) => sum + n, 0), perTier };
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function pad(text: string, width: number): string {
  return text.padEnd(width);
}

/** A table row: the query, the live median, the other median (cache hit or rollup), other/live. */
function medianRow(name: string, liveTimes: number[], otherTimes: number[]): string {
  const liveMedian = percentile(liveTimes, 0.5);
  const otherMedian = percentile(otherTimes, 0.5);
  return (
    pad(name, 36) +
    pad(liveMedian.toFixed(1), 14) +
    pad(otherMedian.toFixed(2), 14) +
    `${(otherMedian / liveMedian).toFixed(3)}x`
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
