import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AlertDocument } from "../../src/db/alert.document";
import { Severity } from "../../src/domain/severity.enum";
import { runCommand } from "../cli/support/run-command";
import { useTestDatabase } from "../helpers/use-test-database";
import { randomAlerts } from "../helpers/random-alerts";
import {
  expectedRollup,
  expectTiersSumQuarterHours,
  storedRollup,
  TIER_UNITS,
} from "./support/rollup-documents-reference";

// `npx jupiter db rollups rebuild` and `npx jupiter db rollups status` as the README spells
// them; a rebuild interrupted halfway (SIGTERM to its PID after its second step) and run
// again gives the rollup a plain reference computes from the alerts.

const FROM = Date.parse("2026-03-01T00:00:00Z");
const DAYS = 3;
const t = useTestDatabase("rollups_cli");
let env: NodeJS.ProcessEnv;

const jupiter = (args: string[]) => runCommand("npx", ["jupiter", ...args], { env, timeoutMs: 180_000 });

beforeAll(async () => {
  env = { MONGODB_URI: t.uri, MONGODB_DB: t.dbName, MONGODB_ENGINE: "" };
  const alerts = randomAlerts({
    from: FROM,
    to: FROM + DAYS * 86_400_000,
    runs: 600,
    seed: 99,
    types: ["cpu", "disk"],
    sources: ["grafana", "prometheus"],
    severities: Object.values(Severity),
  });
  await t.db.collection<AlertDocument>("alerts").insertMany(alerts);
});

describe("jupiter db rollups", () => {
  it("`npx jupiter db rollups status` before any build says so", async () => {
    const run = await jupiter(["db", "rollups", "status"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("not built yet");
    expect(run.stdout).toContain("of 600 alerts");
  });

  it("`npx jupiter db rollups rebuild` builds the rollup with progress; status prints watermark, lag and size", async () => {
    const run = await jupiter(["db", "rollups", "rebuild"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/progress rebuild: 0\/\d+/);
    expect(run.stdout).toContain("rebuilt alert_rollups up to");
    expect(await storedRollup(t.db)).toEqual(await expectedRollup(t.db));
    await expectTiersSumQuarterHours(t.db);

    const status = await jupiter(["db", "rollups", "status", "--json"]);
    expect(status.code, status.stderr).toBe(0);
    const parsed = JSON.parse(status.stdout) as Record<string, unknown>;
    expect(parsed.alertsCounted).toBe(600);
    expect(parsed.documents).toBe((await storedRollup(t.db)).length);
    expect(parsed.lagMs).toBeGreaterThanOrEqual(0);
    expect(parsed.lagMs).toBeLessThan(15 * 60_000 + 600_000);
    const text = await jupiter(["db", "rollups", "status"]);
    expect(text.stdout).toMatch(/watermark: \d{4}-\d\d-\d\dT/);
    expect(text.stdout).toMatch(/lag: \d+ s/);
    expect(text.stdout).toMatch(/size: \d+ documents/);
    for (const { collection } of TIER_UNITS) {
      const documents = (await storedRollup(t.db, collection)).length;
      expect(text.stdout).toContain(`${collection} ${documents} documents`);
    }
  });

  it("a rebuild interrupted halfway and run again equals the reference", async () => {
    // Change the alerts around any gateway, so that the old rollup is wrong everywhere.
    const alerts = t.db.collection<AlertDocument>("alerts");
    await alerts.deleteMany({ type: "cpu", severity: Severity.LOW });
    await alerts.updateMany({ source: "grafana" }, { $set: { resolved: true } });
    const watermarkBefore = (await t.db.collection("rollup_state").findOne({}))!.watermark as Date;

    // The same program as `npx jupiter`, started directly so that the signal reaches it by its PID.
    const child = spawn(
      process.execPath,
      [resolve(__dirname, "../../bin/jupiter.js"), "db", "rollups", "rebuild", "--chunk", "15m"],
      { env: { ...process.env, ...env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    let signalled = false;
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!signalled && (stdout.match(/^rebuilt 20/gm) ?? []).length >= 2) {
        signalled = true;
        process.kill(child.pid!, "SIGTERM");
      }
    });
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(signalled, stdout).toBe(true);
    expect(code, stdout + stderr).not.toBe(0);
    expect(stderr).toContain("interrupted after");
    const steps = (stdout.match(/^rebuilt 20/gm) ?? []).length;
    expect(steps).toBeLessThan(DAYS * 96);
    // Halfway: the watermark did not move, and the rollup is not yet the reference.
    expect((await t.db.collection("rollup_state").findOne({}))!.watermark).toEqual(watermarkBefore);
    expect(await storedRollup(t.db)).not.toEqual(await expectedRollup(t.db));

    const again = await jupiter(["db", "rollups", "rebuild"]);
    expect(again.code, again.stderr).toBe(0);
    expect(await storedRollup(t.db)).toEqual(await expectedRollup(t.db));
    await expectTiersSumQuarterHours(t.db);
  });
});
