import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

describe("npm run bench:live -- --smoke", () => {
  it("runs the live benchmark in miniature and prints its figures", async () => {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn("npm", ["run", "bench:live", "--", "--smoke"], {
        cwd: ROOT,
        env: { ...process.env, MONGODB_URI: inject("mongoUri"), MONGODB_ENGINE: "", NO_COLOR: "1" },
      });
      let text = "";
      child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
      child.on("error", reject);
      child.on("close", (exitCode) => resolve({ code: exitCode, output: text }));
    });
    expect(code, output).toBe(0);
    expect(output).toMatch(/live: .*(poll|change streams)/);
    const alerts = Number(/\| alerts inserted \| (\d+) in/.exec(output)?.[1]);
    expect(alerts).toBe(60);
    expect(Number(/\| events delivered \| (\d+) \|/.exec(output)?.[1])).toBeGreaterThan(20);
    expect(output).toMatch(/\| recomputations\/s \(all argument sets\) \| \d+(\.\d+)? \|/);
    expect(output).toMatch(/\| event delay p50 \/ p99 \(insert → delivery\) \| \d+ \/ \d+ ms \|/);
    expect(output).toMatch(/\| gateway RSS: idle \/ subscribed \/ end \| \d+ \/ \d+ \/ \d+ MiB \|/);
  });
});
