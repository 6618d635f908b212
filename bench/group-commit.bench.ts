/**
 * Write latency of the embedded engine with a data directory (every write fdatasync'd before
 * it is acknowledged; concurrent writes share one fdatasync: group commit).
 *
 *   npx tsx bench/group-commit.bench.ts
 *
 * The engine runs as `jupiter embedded-mongo --data-dir` in a child process. Environment:
 * BENCH_WRITES (writes per concurrency level, default 2000), BENCH_SMOKE=1 (a few writes, for
 * the test that keeps this script from rotting).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MongoClient } from "mongodb";
import { startEngineProcess } from "./support/jupiter-child-process";
import { sortedPercentile } from "./support/sorted-percentile";

const SMOKE = process.env.BENCH_SMOKE === "1";
const WRITES = SMOKE ? 64 : Number(process.env.BENCH_WRITES ?? 2_000);
const LEVELS = [1, 8, 64];

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jupiter-bench-group-"));
  const engine = await startEngineProcess(["--data-dir", dataDir]);
  const client = new MongoClient(engine.uri, { maxPoolSize: Math.max(...LEVELS) });
  try {
    const items = client.db("bench").collection<{ n: number; pad: string }>("writes");
    await items.insertOne({ n: -1, pad: "" });
    console.log(
      `group commit: ${WRITES} insertOne per level, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`,
    );
    console.log("| concurrent writers | writes/s | median ms | p99 ms |");
    console.log("| --- | --- | --- | --- |");
    let n = 0;
    for (const writers of LEVELS) {
      const latencies: number[] = [];
      const started = performance.now();
      let remaining = WRITES;
      await Promise.all(
        Array.from({ length: writers }, async () => {
          while (remaining > 0) {
            remaining--;
            const t0 = performance.now();
            await items.insertOne({ n: n++, pad: "x".repeat(200) });
            latencies.push(performance.now() - t0);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      console.log(
        `| ${writers} | ${Math.round(latencies.length / seconds)} | ${sortedPercentile(latencies, 50).toFixed(2)} | ${sortedPercentile(latencies, 99).toFixed(2)} |`,
      );
    }
  } finally {
    await client.close();
    await engine.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
