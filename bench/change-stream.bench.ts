/**
 * Benchmark of the embedded engine's change streams, driven through the official driver:
 * documents inserted in batches while WATCHERS collection.watch() streams follow them.
 *
 *   npm run bench:change-streams            # full run
 *   npm run bench:change-streams -- --smoke # a few hundred events (the test suite runs this)
 *
 * Environment: BENCH_EVENTS (documents inserted, default 50000), BENCH_WATCHERS (streams, default
 * 10), BENCH_BATCH (insertMany batch, default 500). Prints one JSON line of figures: insert
 * throughput without and with the streams open, events delivered per second across all streams,
 * and the delay from an event's wallTime to its arrival (p50/p99, ms).
 */
import { MongoClient, type Document } from "mongodb";
import { startEmbeddedMongo } from "../src/embedded-mongo";
import { isSmokeRun } from "./support/smoke-run";

const smoke = isSmokeRun();
const EVENTS = smoke ? 300 : Number(process.env.BENCH_EVENTS ?? 50_000);
const WATCHERS = smoke ? 2 : Number(process.env.BENCH_WATCHERS ?? 10);
const BATCH = smoke ? 100 : Number(process.env.BENCH_BATCH ?? 500);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function insertAll(client: MongoClient, coll: string): Promise<number> {
  const c = client.db("bench").collection<{ _id: number; type: string; n: number }>(coll);
  const start = process.hrtime.bigint();
  for (let i = 0; i < EVENTS; i += BATCH) {
    const docs = [];
    for (let k = i; k < Math.min(EVENTS, i + BATCH); k++) docs.push({ _id: k, type: `t${k % 8}`, n: k });
    await c.insertMany(docs, { ordered: false });
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function main(): Promise<void> {
  const engine = await startEmbeddedMongo({ port: 0, changeHistorySize: EVENTS + 10 });
  const client = new MongoClient(engine.uri, { maxPoolSize: WATCHERS + 10 });
  try {
    await client.connect();
    const baseline = await insertAll(client, "plain");

    const streams = Array.from({ length: WATCHERS }, () =>
      client.db("bench").collection<Document>("watched").watch([], { maxAwaitTimeMS: 1000 }),
    );
    for (const s of streams) await s.tryNext();
    const delays: number[] = [];
    let delivered = 0;
    const readers = streams.map(async (s) => {
      for (let seen = 0; seen < EVENTS; seen++) {
        const e = (await s.next()) as Document;
        delays.push(Date.now() - (e.wallTime as Date).getTime());
        delivered++;
      }
    });
    const start = process.hrtime.bigint();
    const watchedInsert = await insertAll(client, "watched");
    await Promise.all(readers);
    const total = Number(process.hrtime.bigint() - start) / 1e9;
    await Promise.all(streams.map((s) => s.close()));
    delays.sort((a, b) => a - b);
    const figures = {
      events: EVENTS,
      watchers: WATCHERS,
      insertDocsPerSecNoStreams: Math.round(EVENTS / baseline),
      insertDocsPerSecWithStreams: Math.round(EVENTS / watchedInsert),
      eventsDeliveredPerSec: Math.round(delivered / total),
      delayMsP50: percentile(delays, 50),
      delayMsP99: percentile(delays, 99),
      delivered,
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await client.close();
    await engine.stop();
  }
}

void main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
