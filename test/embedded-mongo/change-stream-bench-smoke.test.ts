import { spawn } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

describe("npm run bench:change-streams -- --smoke", () => {
  it("runs as the README says and prints its figures, every event delivered to every watcher", async () => {
    const child = spawn("npm", ["run", "--silent", "bench:change-streams", "--", "--smoke"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(err).toBe("");
    expect(code).toBe(0);
    const figures = JSON.parse(out.trim().split("\n").pop() as string) as Record<string, number>;
    expect(figures.delivered).toBe(figures.events * figures.watchers);
    for (const key of [
      "insertDocsPerSecNoStreams",
      "insertDocsPerSecWithStreams",
      "eventsDeliveredPerSec",
      "delayMsP50",
      "delayMsP99",
    ]) {
      expect(Number.isFinite(figures[key])).toBe(true);
    }
    expect(figures.delayMsP99).toBeGreaterThanOrEqual(figures.delayMsP50);
  });
});
