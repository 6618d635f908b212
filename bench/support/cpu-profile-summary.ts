/**
 * The top self-time items of a V8 CPU profile (`node --cpu-prof`), by share of the busy
 * (non-idle) samples: per function and per package, so that a bench run can say where
 * the gateway's CPU goes (bench/gateway.bench.ts with BENCH_CPU_PROF=<dir>).
 *
 *   npx tsx bench/support/cpu-profile-summary.ts <file.cpuprofile | dir>
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** One row of the summary: a function (or package) and its share of the busy time. */
export interface SelfTimeItem {
  name: string;
  share: number;
  ms: number;
}

/** Self time per function and per package, largest first. */
export function summariseCpuProfile(profile: CpuProfile): {
  busyMs: number;
  functions: SelfTimeItem[];
  packages: SelfTimeItem[];
} {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const perFunction = new Map<string, number>();
  const perPackage = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const micros = profile.timeDeltas[i] ?? 0;
    if (!frame || frame.functionName === "(idle)") return;
    busy += micros;
    const where = shortPath(frame.url);
    const name = `${frame.functionName || "(anonymous)"} ${where ? `${where}:${frame.lineNumber + 1}` : ""}`;
    perFunction.set(name.trim(), (perFunction.get(name.trim()) ?? 0) + micros);
    const pkg = packageOf(frame);
    perPackage.set(pkg, (perPackage.get(pkg) ?? 0) + micros);
  });
  const rank = (table: Map<string, number>) =>
    [...table]
      .map(([name, micros]) => ({ name, share: busy > 0 ? micros / busy : 0, ms: micros / 1000 }))
      .sort((a, b) => b.ms - a.ms);
  return { busyMs: busy / 1000, functions: rank(perFunction), packages: rank(perPackage) };
}

/**
 * Prints the summary of a profile: `path` is a file, or a directory whose largest
 * profile is taken (the main thread's; loader worker threads write small ones).
 */
export function printCpuProfileSummary(path: string, top = 25): void {
  const file = statSync(path).isDirectory() ? largestProfile(path) : path;
  if (!file) {
    console.log(`no .cpuprofile in ${path}`);
    return;
  }
  const summary = summariseCpuProfile(JSON.parse(readFileSync(file, "utf8")) as CpuProfile);
  const percent = (share: number) => `${(share * 100).toFixed(1).padStart(5)}%`;
  console.log(`\nCPU profile ${file}: ${(summary.busyMs / 1000).toFixed(1)} s busy`);
  console.log("self time by package:");
  for (const item of summary.packages.slice(0, 15)) console.log(`  ${percent(item.share)}  ${item.name}`);
  console.log("self time by function:");
  for (const item of summary.functions.slice(0, top)) console.log(`  ${percent(item.share)}  ${item.name}`);
}

function largestProfile(dir: string): string | undefined {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".cpuprofile"))
    .map((file) => join(dir, file))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

/** `node_modules/<package>` (scoped too), the repository's top folder, or node's internals. */
function packageOf(frame: CpuProfileNode["callFrame"]): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node:internal";
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const local = /\/(src\/[^/]+|resolvers|schema\/[^/]+|schema|bench)\//.exec(url);
  return local ? local[1]! : shortPath(url);
}

function shortPath(url: string): string {
  return url
    .replace(/^file:\/\//, "")
    .replace(/^.*node_modules\//, "")
    .replace(/^.*\/(src|resolvers|schema|bench)\//, "$1/");
}

if (process.argv[1]?.endsWith("cpu-profile-summary.ts") && process.argv[2]) {
  printCpuProfileSummary(process.argv[2]);
}
