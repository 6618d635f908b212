import { spawn } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

describe("bench/group-commit.bench.ts", () => {
  it("completes in smoke mode (BENCH_SMOKE=1) and prints its table", async () => {
    const root = path.resolve(__dirname, "../..");
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "bench/group-commit.bench.ts"], {
      cwd: root,
      env: { ...process.env, BENCH_SMOKE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (data: Buffer) => (out += data.toString()));
    child.stderr.on("data", (data: Buffer) => (out += data.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code, out).toBe(0);
    expect(out).toMatch(/\| concurrent writers \| writes\/s \| median ms \| p99 ms \|/);
    for (const writers of [1, 8, 64])
      expect(out).toMatch(new RegExp(`^\\| ${writers} \\| \\d+ \\| [\\d.]+ \\| [\\d.]+ \\|$`, "m"));
  });
});
