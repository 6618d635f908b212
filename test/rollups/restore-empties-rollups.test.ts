import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertDocument } from "../../src/db/alert.document";
import { Severity } from "../../src/domain/severity.enum";
import { refreshRollups } from "../../src/operations/refresh-rollups";
import { runCommand } from "../cli/support/run-command";
import type { TestDatabase } from "../helpers/test-database";
import { useTestDatabase } from "../helpers/use-test-database";
import { randomAlerts } from "../helpers/random-alerts";
import {
  expectedRollup,
  expectTiersSumQuarterHours,
  storedRollup,
  TIER_COLLECTIONS,
} from "./support/rollup-documents-reference";

// `npx jupiter db restore FILE --drop`, as the README spells it, over a database whose
// rollup counts other alerts: the restore leaves no rollup that disagrees with the restored
// alerts (every tier and rollup_state emptied, so queries run live), and the next refresh
// rebuilds a rollup equal to the plain reference of the restored alerts.

const FROM = Date.parse("2026-03-01T00:00:00Z");
const ROLLUP_COLLECTIONS = [...TIER_COLLECTIONS, "rollup_state", "rollup_dirty"];
const source = useTestDatabase("rollup_restore_source");
const target = useTestDatabase("rollup_restore_target");
let dir: string;

const jupiter = (database: TestDatabase, args: string[]) =>
  runCommand("npx", ["jupiter", ...args], {
    env: { MONGODB_URI: database.uri, MONGODB_DB: database.dbName, MONGODB_ENGINE: "" },
    timeoutMs: 180_000,
  });

const alertsOf = (seed: number) =>
  randomAlerts({
    from: FROM,
    to: FROM + 2 * 86_400_000,
    runs: 300,
    seed,
    types: ["cpu", "disk"],
    sources: ["grafana"],
    severities: Object.values(Severity),
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rollup-restore-"));
  // The backup holds alerts and no rollup; the target a rollup of other alerts.
  await source.db.collection<AlertDocument>("alerts").insertMany(alertsOf(1));
  await target.db.collection<AlertDocument>("alerts").insertMany(alertsOf(2));
  await refreshRollups(target.db, { now: new Date(FROM + 3 * 86_400_000), lookbackMs: 0, full: true });
});

afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("jupiter db restore and the rollups", () => {
  it("`npx jupiter db restore FILE --drop` empties every rollup tier and rollup_state; the next refresh rebuilds them exactly", async () => {
    const file = join(dir, "alerts.jbak.gz");
    const backup = await jupiter(source, ["db", "backup", "--out", file, "--engine", "builtin"]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(await target.db.collection("alert_rollups_daily").countDocuments()).toBeGreaterThan(0);

    const restore = await jupiter(target, ["db", "restore", file, "--drop"]);
    expect(restore.code, restore.stderr).toBe(0);
    const restored = await target.db.collection<AlertDocument>("alerts").find({}).toArray();
    expect(restored.map((a) => a._id.toHexString()).sort()).toEqual(
      (await source.db.collection<AlertDocument>("alerts").find({}).toArray())
        .map((a) => a._id.toHexString())
        .sort(),
    );
    for (const name of ROLLUP_COLLECTIONS) {
      expect(await target.db.collection(name).countDocuments(), name).toBe(0);
    }

    await refreshRollups(target.db, { now: new Date(FROM + 3 * 86_400_000), lookbackMs: 0 });
    expect(await storedRollup(target.db)).toEqual(await expectedRollup(target.db));
    await expectTiersSumQuarterHours(target.db);
  });
});
