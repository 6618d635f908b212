import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCommand } from "../cli/support/run-command";

/**
 * Every benchmark script keeps working: each `npm run bench:…` the README names is run
 * exactly as typed there, in smoke mode (BENCH_SMOKE=1: tiny data, about a second per
 * scenario), and must complete and print its figures. The figures themselves are not
 * checked: this machine is shared, and speed is what the full runs are for.
 */
const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
const scripts = (
  JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  }
).scripts;
const benchScripts = Object.keys(scripts).filter((name) => name.startsWith("bench:"));
const inReadme = [...new Set([...readme.matchAll(/npm run (bench:[\w:-]+)/g)].map((match) => match[1]!))];

/** What a script's output must show, beyond a zero exit code. */
const PRINTS: Record<string, RegExp[]> = {
  "bench:gateway": [
    /^scenario\s+gateway req\/s\s+p50\s+p99\s+direct req\/s\s+p50\s+p99\s+direct\/gateway\s+gateway cpu ms\/req\s+direct cpu ms\/req\s+gateway db cmds\/req\s+direct db cmds\/req\s+db cpu ms\/req \(gateway\)\s+db cpu ms\/req \(direct\)/m,
    ...[
      "empty query",
      "case detail",
      "cases page \\(50\\)",
      "caseStatistics",
      "alertTrends \\(7 d, daily\\)",
      "alertMetrics \\(TYPE, daily, 30 d, Berlin\\)",
      "caseMetrics \\(SEVERITY, monthly, p50/p90\\)",
    ].map(
      (scenario) =>
        new RegExp(
          `^${scenario}\\s+\\d+\\s+[\\d.]+\\s+[\\d.]+\\s+\\d+\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+x\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+\\s+\\d+\\s+\\d+\\s+[\\d.]+\\s+[\\d.]+$`,
          "m",
        ),
    ),
  ],
  "bench:overload": [
    ...["idle", "at the limits \\(\\d+ connections\\)", "flooded \\(\\d+ connections\\)"].flatMap((load) =>
      ["healthz", "readyz", "metrics"].map(
        (endpoint) =>
          new RegExp(`^\\| ${load} \\| /${endpoint} \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| \\d+ \\|$`, "m"),
      ),
    ),
    /^GraphQL flooded \(\d+ connections\): \d+ answered 200, \d+ refused 503 OVERLOADED/m,
  ],
  "bench:dashboards": [
    /^alertTrends \(30 d, daily, Berlin\)\s+[\d.]+\s+[\d.]+\s+[\d.]+x$/m,
    /^query\s+live p50 ms\s+rollup p50 ms\s+rollup\/live$/m,
    /^rollup full rebuild: [\d.]+ s, [\d,]+ rollup documents$/m,
    /^rollup incremental refresh after 1,000 new alerts \(48 h lookback\): \d+ ms/m,
  ],
  "bench:engine": [
    /^load \(insertMany x\d+, 5 secondary indexes\): [\d.]+ s, [\d,]+ docs\/s/m,
    /^indexed find by case_id: [\d,]+ µs\/query/m,
    /^ {2}plan: "IXSCAN"/m,
    /^text search over [\d,]+ cases, "kernel"/m,
    /^commit rate of small transactions .* 8 concurrent sessions\): [\d,]+ commits\/s, all applied/m,
    /^persistence: insertMany x1,000 batches .* with --data-dir/m,
  ],
};

describe("benchmark scripts in smoke mode", () => {
  it("the README names every bench script of package.json, and every bench/*.ts has one", () => {
    expect([...inReadme].sort()).toEqual([...benchScripts].sort());
    const files = readdirSync(join(REPO_ROOT, "bench")).filter((file) => file.endsWith(".ts"));
    for (const file of files) {
      expect(
        Object.values(scripts).some((command) => command.includes(`bench/${file}`)),
        file,
      ).toBe(true);
    }
  });

  it.each(inReadme)(
    "`BENCH_SMOKE=1 npm run %s` completes and prints its figures",
    async (script) => {
      const run = await runCommand("npm", ["run", script], {
        env: { BENCH_SMOKE: "1", MONGODB_URI: "", MONGODB_ENGINE: "" },
        timeoutMs: 280_000,
      });
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).not.toMatch(/UNAUTHENTICATED|not 2xx/);
      for (const pattern of PRINTS[script] ?? [/\d/]) expect(run.stdout, run.stdout).toMatch(pattern);
    },
    300_000,
  );
});
