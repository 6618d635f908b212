/**
 * Benchmark of the embedded MongoDB-compatible engine, driven through the official driver.
 *
 *   npx tsx bench/engine.bench.ts
 *
 * Environment: BENCH_ALERTS (documents to load, default 1000000), BENCH_BATCH (insertMany batch,
 * default 10000), BENCH_LOOKUPS (indexed finds, default 2000), BENCH_INPROCESS=1 to run the engine
 * in this process instead of a child process (the default keeps driver and engine on separate cores),
 * BENCH_SERVER_NODE_ARGS for extra node flags of the engine process (e.g. --cpu-prof).
 * BENCH_SMOKE=1: tiny data (a few thousand documents, about a second per step), for the
 * test that keeps this script working (test/bench/bench-smoke.test.ts); its figures mean nothing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { createInterface } from "node:readline";
import { type Db, MongoClient, ObjectId, type Document } from "mongodb";
import { runEmbeddedMongoCli, startEmbeddedMongo } from "../src/embedded-mongo";

/** BENCH_SMOKE=1: every step on tiny data, to check that the script still runs. */
const SMOKE = process.env.BENCH_SMOKE === "1";
/** A BENCH_… variable, else the full-run default, else (smoke mode) the tiny one. */
function setting(name: string, full: number, smoke: number): number {
  return Number(process.env[name] ?? (SMOKE ? smoke : full));
}
const ALERTS = setting("BENCH_ALERTS", 1_000_000, 2_000);
const BATCH = setting("BENCH_BATCH", 10_000, 500);
const LOOKUPS = setting("BENCH_LOOKUPS", 2_000, 50);
const SINGLES = SMOKE ? 200 : 5_000;
const MANY = SMOKE ? 1_000 : 50_000;
const CASES = Math.max(1, Math.floor(ALERTS / 20));
const TYPES = ["cpu", "memory", "disk", "network", "auth", "malware", "policy", "latency"];
const SEVERITIES = ["low", "medium", "high", "critical"];
const DAY = 86_400_000;

interface Server {
  uri: string;
  stop(): Promise<void>;
}

async function startServer(dataDir?: string): Promise<Server> {
  if (process.env.BENCH_INPROCESS === "1") return startEmbeddedMongo({ port: 0, dataDir });
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...extra, ...process.execArgv, __filename], {
    env: { ...process.env, BENCH_ROLE: "server", BENCH_DATA_DIR: dataDir ?? "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const uri = await new Promise<string>((resolve, reject) => {
    lines.once("line", (line) =>
      line.startsWith("ready ") ? resolve(line.slice(6)) : reject(new Error(line)),
    );
    child.once("exit", (code) => reject(new Error(`engine exited with ${code}`)));
  });
  return {
    uri,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

function alert(i: number, now: number, caseIds: ObjectId[]): Document {
  return {
    case_id: caseIds[i % caseIds.length],
    type: TYPES[i % TYPES.length],
    severity: SEVERITIES[(i * 7) % SEVERITIES.length],
    resolved: i % 3 === 0,
    timestamp: new Date(now - ((i * 7919) % (30 * DAY))),
    message: `alert ${i} raised by the collector`,
    source: { host: `host-${i % 500}`, region: i % 2 === 0 ? "eu" : "us" },
  };
}

/** A fresh engine (in memory, or over `dataDir`) and a client connected to it. */
async function openServer(dataDir?: string): Promise<{ server: Server; client: MongoClient }> {
  const server = await startServer(dataDir);
  const client = new MongoClient(server.uri);
  await client.connect();
  return { server, client };
}

let engineCpu: () => Promise<number> = async () => 0;

/** From now on `time` reads the engine's CPU time from `db`'s serverStatus (extra_info). */
function measureEngineCpu(db: Db): void {
  engineCpu = async () => {
    const status = await db.admin().command({ serverStatus: 1 });
    return (status.extra_info.user_time_us + status.extra_info.system_time_us) / 1000;
  };
}
let lastCpuMs = 0;

/** Wall time of a step; the engine's own CPU time for it is kept for `cpuNote`. */
async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const before = await engineCpu();
  const t0 = process.hrtime.bigint();
  const r = await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  lastCpuMs = (await engineCpu()) - before;
  return [wall, r];
}

/** " (engine CPU 1.2 s)": robust to other load on the machine, unlike wall time. */
function cpuNote(): string {
  return lastCpuMs >= 1000
    ? ` (engine CPU ${fmt(lastCpuMs / 1000, 2)} s)`
    : ` (engine CPU ${fmt(lastCpuMs, 0)} ms)`;
}

function fmt(n: number, digits = 1): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: digits });
}

async function main(): Promise<void> {
  console.log(
    `node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"} x${cpus().length}, ${fmt(totalmem() / 2 ** 30)} GiB RAM`,
  );
  console.log(
    `engine: ${process.env.BENCH_INPROCESS === "1" ? "in-process" : "child process"}; alerts: ${fmt(ALERTS, 0)}${SMOKE ? " (BENCH_SMOKE: tiny data, figures mean nothing)" : ""}`,
  );
  const { server, client } = await openServer();
  try {
    const db = client.db("bench");
    measureEngineCpu(db);
    const alerts = db.collection("alerts");
    await alerts.createIndexes([
      { key: { timestamp: 1 } },
      { key: { case_id: 1 } },
      { key: { severity: 1, resolved: 1 } },
      { key: { resolved: 1, severity: 1 } },
      { key: { case_id: 1 }, name: "case_id_unresolved", partialFilterExpression: { resolved: false } },
    ]);
    const now = Date.now();
    const caseIds = Array.from({ length: CASES }, () => new ObjectId());

    const [loadMs] = await time(async () => {
      for (let start = 0; start < ALERTS; start += BATCH) {
        const docs: Document[] = [];
        for (let i = start; i < Math.min(ALERTS, start + BATCH); i++) docs.push(alert(i, now, caseIds));
        await alerts.insertMany(docs, { ordered: false });
      }
    });
    console.log(
      `load (insertMany x${BATCH}, 5 secondary indexes): ${fmt(loadMs / 1000, 2)} s, ${fmt(ALERTS / (loadMs / 1000), 0)} docs/s${cpuNote()}`,
    );

    const [pingMs] = await time(async () => {
      for (let i = 0; i < 500; i++) await db.command({ ping: 1 });
    });
    console.log(`round-trip floor (ping through the driver): ${fmt((pingMs / 500) * 1000, 0)} µs`);

    let found = 0;
    const [lookupMs] = await time(async () => {
      for (let i = 0; i < LOOKUPS; i++) {
        found += (await alerts.find({ case_id: caseIds[(i * 31) % caseIds.length] }).toArray()).length;
      }
    });
    console.log(
      `indexed find by case_id: ${fmt((lookupMs / LOOKUPS) * 1000, 0)} µs/query avg over ${LOOKUPS} (${fmt(found / LOOKUPS)} docs each)${cpuNote()}`,
    );
    const explain = await alerts.find({ case_id: caseIds[0] }).explain("executionStats");
    const stats = explain.executionStats as Document;
    console.log(
      `  plan: ${JSON.stringify(explain.queryPlanner.winningPlan.inputStage?.stage ?? explain.queryPlanner.winningPlan.stage)}, keysExamined ${stats.totalKeysExamined}, docsExamined ${stats.totalDocsExamined}`,
    );

    const since = new Date(now - 7 * DAY);
    const trend = [
      { $match: { timestamp: { $gte: since } } },
      {
        $group: {
          _id: { day: { $dateToString: { format: "%Y-%m-%d", date: "$timestamp" } }, type: "$type" },
          count: { $sum: 1 },
        },
      },
      { $sort: { "_id.day": 1, "_id.type": 1 } },
    ];
    const [trendMs, trendRows] = await time(() => alerts.aggregate(trend).toArray());
    console.log(
      `alert-trend pipeline (last 7 days, $dateToString day x type): ${fmt(trendMs, 0)} ms, ${trendRows.length} groups${cpuNote()}`,
    );
    const trunc = [
      { $match: { timestamp: { $gte: since } } },
      {
        $group: {
          _id: {
            day: { $dateTrunc: { date: "$timestamp", unit: "day", timezone: "America/New_York" } },
            type: "$type",
          },
          count: { $sum: 1 },
        },
      },
    ];
    const [truncMs, truncRows] = await time(() => alerts.aggregate(trunc).toArray());
    console.log(
      `alert-trend pipeline ($dateTrunc day, America/New_York): ${fmt(truncMs, 0)} ms, ${truncRows.length} groups${cpuNote()}`,
    );

    const [groupMs, groupRows] = await time(() =>
      alerts
        .aggregate([{ $group: { _id: { severity: "$severity", resolved: "$resolved" }, n: { $sum: 1 } } }])
        .toArray(),
    );
    console.log(
      `full-collection $group (severity x resolved): ${fmt(groupMs, 0)} ms, ${groupRows.length} groups${cpuNote()}`,
    );

    const [countMs, unresolved] = await time(() =>
      alerts.countDocuments({ resolved: false, severity: "critical" }),
    );
    console.log(
      `countDocuments {resolved:false, severity:"critical"} (compound index): ${fmt(countMs, 0)} ms, n=${unresolved}${cpuNote()}`,
    );

    const singles = SINGLES;
    const [oneMs] = await time(async () => {
      for (let i = 0; i < singles; i++) await alerts.insertOne(alert(ALERTS + i, now, caseIds));
    });
    console.log(
      `insertOne throughput (sequential, ${singles}): ${fmt(singles / (oneMs / 1000), 0)} docs/s${cpuNote()}`,
    );
    const manyDocs = Array.from({ length: MANY }, (_, i) => alert(ALERTS + singles + i, now, caseIds));
    const [manyMs] = await time(() => alerts.insertMany(manyDocs));
    console.log(
      `insertMany throughput (${fmt(MANY, 0)} in one call): ${fmt(MANY / (manyMs / 1000), 0)} docs/s${cpuNote()}`,
    );

    await textSearchBench(db);
    await transactionBench(client);

    const status = await db.admin().command({ serverStatus: 1 });
    console.log(
      `machine load average at the end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(", ")}`,
    );
    console.log(
      `engine resident memory: ${fmt(status.mem?.resident ?? 0, 0)} MiB for ${fmt(ALERTS + singles + MANY, 0)} documents`,
    );
  } finally {
    await client.close();
    await server.stop();
  }
  await persistenceBench();
}

const TXNS = setting("BENCH_TXNS", 2_000, 40);

/** "commit rate of small transactions": each inserts one document and updates one, via withTransaction. */
async function transactionBench(client: MongoClient): Promise<void> {
  const db = client.db("bench_txn");
  const run = async (sessions: number): Promise<void> => {
    const log = db.collection(`log_${sessions}`);
    const counters = db.collection<{ _id: number; n: number }>(`counters_${sessions}`);
    await counters.insertMany(Array.from({ length: sessions }, (_, i) => ({ _id: i, n: 0 })));
    const per = Math.ceil(TXNS / sessions);
    const [ms] = await time(() =>
      Promise.all(
        Array.from({ length: sessions }, async (_, w) => {
          const session = client.startSession();
          try {
            for (let i = 0; i < per; i++) {
              await session.withTransaction(async () => {
                await log.insertOne({ w, i, at: new Date() }, { session });
                await counters.updateOne({ _id: w }, { $inc: { n: 1 } }, { session });
              });
            }
          } finally {
            await session.endSession();
          }
        }),
      ),
    );
    const total = per * sessions;
    const landed = (await counters.find({}).toArray()).reduce((a, c) => a + c.n, 0);
    console.log(
      `commit rate of small transactions (${fmt(total, 0)} x {insertOne + updateOne} via withTransaction, ${sessions === 1 ? "sequential" : `${sessions} concurrent sessions`}): ${fmt(total / (ms / 1000), 0)} commits/s, ${landed === total ? "all applied" : `ONLY ${landed} applied`}${cpuNote()}`,
    );
  };
  await run(1);
  await run(8);
}

/** Persistence overhead: the same inserts with and without --data-dir (every write fdatasync'd). */
async function persistenceBench(): Promise<void> {
  const { mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const singles = setting("BENCH_PERSIST_SINGLES", 2_000, 50);
  const bulk = setting("BENCH_PERSIST_BULK", 50_000, 2_000);
  for (const persisted of [false, true]) {
    const dir = persisted ? mkdtempSync(join(tmpdir(), "jupiter-bench-")) : undefined;
    const { server, client } = await openServer(dir);
    try {
      const db = client.db("bench_persist");
      measureEngineCpu(db);
      const coll = db.collection("docs");
      const now = Date.now();
      const caseIds = [new ObjectId()];
      const [oneMs] = await time(async () => {
        for (let i = 0; i < singles; i++) await coll.insertOne(alert(i, now, caseIds));
      });
      const label = persisted ? `with --data-dir ${dir}` : "memory only";
      console.log(
        `persistence: insertOne sequential x${fmt(singles, 0)} ${label}: ${fmt(singles / (oneMs / 1000), 0)} docs/s${cpuNote()}`,
      );
      const [bulkMs] = await time(async () => {
        for (let start = 0; start < bulk; start += 1_000) {
          const docs = Array.from({ length: 1_000 }, (_, i) => alert(singles + start + i, now, caseIds));
          await coll.insertMany(docs);
        }
      });
      console.log(
        `persistence: insertMany x1,000 batches (${fmt(bulk, 0)} docs) ${label}: ${fmt(bulk / (bulkMs / 1000), 0)} docs/s${cpuNote()}`,
      );
    } finally {
      await client.close();
      await server.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  }
}

const TEXT_CASES = setting("BENCH_TEXT_CASES", 100_000, 2_000);
const WORDS = [
  "server",
  "outage",
  "database",
  "latency",
  "network",
  "firewall",
  "breach",
  "malware",
  "printer",
  "login",
  "password",
  "certificate",
  "expired",
  "backup",
  "restore",
  "disk",
  "memory",
  "leak",
  "timeout",
  "deploy",
  "rollback",
  "invoice",
  "customer",
  "escalation",
  "payment",
  "gateway",
  "cluster",
  "replica",
  "index",
  "query",
  "slow",
  "crash",
  "kernel",
  "patch",
  "update",
  "vpn",
];

function word(i: number): string {
  return WORDS[i % WORDS.length];
}

/** "text search over 100,000 cases": the gateway's searchCases query shape on a text index. */
async function textSearchBench(db: ReturnType<MongoClient["db"]>): Promise<void> {
  const cases = db.collection("text_cases");
  await cases.createIndex(
    { title: "text", description: "text", tags: "text" },
    { weights: { title: 10, description: 5, tags: 3 }, name: "case_text" },
  );
  const [loadMs] = await time(async () => {
    for (let start = 0; start < TEXT_CASES; start += BATCH) {
      const docs: Document[] = [];
      for (let i = start; i < Math.min(TEXT_CASES, start + BATCH); i++) {
        const r = (i * 2654435761) >>> 0;
        docs.push({
          title: `${word(r)} ${word(r >>> 5)} on ${word(r >>> 10)} ${i}`,
          description: `Customer reports ${word(r >>> 3)} and ${word(r >>> 7)} after the ${word(r >>> 13)} of the ${word(r >>> 17)} service`,
          tags: [word(r >>> 11), word(r >>> 19)],
          status: i % 4 === 0 ? "closed" : "open",
        });
      }
      await cases.insertMany(docs, { ordered: false });
    }
  });
  console.log(
    `text search: load ${fmt(TEXT_CASES, 0)} cases with a 3-field text index: ${fmt(loadMs / 1000, 2)} s${cpuNote()}`,
  );
  const queries = [
    "server outage",
    "payment gateway timeout",
    '"disk" memory -leak',
    "escalations",
    "kernel",
  ];
  for (const q of queries) {
    const rounds = SMOKE ? 2 : 20;
    let n = 0;
    const [ms] = await time(async () => {
      for (let i = 0; i < rounds; i++) {
        const docs = await cases
          .find(
            { $text: { $search: q }, status: "open" },
            {
              projection: { score: { $meta: "textScore" } },
              sort: { score: { $meta: "textScore" }, _id: 1 },
              limit: 20,
            },
          )
          .toArray();
        n = docs.length;
      }
    });
    const total = await cases.countDocuments({ $text: { $search: q } });
    console.log(
      `text search over ${fmt(TEXT_CASES, 0)} cases, ${JSON.stringify(q)} (${fmt(total, 0)} matches, top ${n}): ${fmt(ms / rounds, 1)} ms/query${cpuNote()}`,
    );
  }
}

if (process.env.BENCH_ROLE === "server") {
  void runEmbeddedMongoCli({ port: 0, dataDir: process.env.BENCH_DATA_DIR || undefined });
} else {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
