import { describe, expect, it } from "vitest";
import { OperationError } from "../../src/operations/operation-error";
import { seedDatabase } from "../../src/operations/seed-database";
import { openTestDatabase } from "../helpers/test-database";
import { useTestDatabase } from "../helpers/use-test-database";
import { runCli } from "./support/run-cli";

const NOW = new Date("2025-06-01T00:00:00Z");
/** The same counts, seed and clock twice: the second run must give the same documents. */
const SMALL_SEED = { users: 7, cases: 30, alerts: 120, days: 10, seed: 42, now: NOW };

describe("db seed", () => {
  const t = useTestDatabase("ops_seed");

  it("seeds the requested counts with progress, refuses a second run, and replaces with drop", async () => {
    const events: string[] = [];
    const result = await seedDatabase(t.db, {
      ...SMALL_SEED,
      onProgress: (e) => events.push(`${e.task} ${e.done}/${e.total}`),
    });
    expect([result.users, result.cases, result.alerts]).toEqual([7, 30, 120]);
    expect(await t.db.collection("users").countDocuments()).toBe(7);
    expect(await t.db.collection("cases").countDocuments()).toBe(30);
    expect(await t.db.collection("alerts").countDocuments()).toBe(120);
    expect(events).toEqual(expect.arrayContaining(["users 7/7", "cases 30/30", "alerts 120/120"]));
    // Within the window of `days` before `now`.
    const oldest = await t.db.collection("alerts").find().sort({ timestamp: 1 }).limit(1).next();
    expect(oldest!.timestamp.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 10 * 86_400_000);

    const caseIds = async () =>
      (
        await t.db
          .collection("cases")
          .find({}, { projection: { _id: 1 } })
          .sort({ _id: 1 })
          .toArray()
      ).map((c) => c._id.toHexString());
    const ids = await caseIds();
    await expect(seedDatabase(t.db, { users: 1, cases: 1, alerts: 1 })).rejects.toBeInstanceOf(
      OperationError,
    );
    expect(await t.db.collection("cases").countDocuments()).toBe(30);

    const again = await seedDatabase(t.db, { ...SMALL_SEED, drop: true });
    expect(again.removed).toEqual({ users: 7, cases: 30, alerts: 120 });
    expect(await t.db.collection("cases").countDocuments()).toBe(30);
    // Same seed and now: the same documents, _ids included.
    const idsAgain = await caseIds();
    expect(idsAgain).toEqual(ids);
  });

  it("works through the CLI, and refuses a non-empty database with a message that says what to do", async () => {
    const other = await openTestDatabase("ops_seed_cli");
    try {
      const env = { uri: other.uri, dbName: other.dbName };
      const first = await runCli(
        ["db", "seed", "--users", "3", "--cases", "5", "--alerts", "11", "--seed", "7"],
        env,
      );
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/seeded \S+: 3 users, 5 cases, 11 alerts in/);
      expect(first.stderr).toContain("progress alerts: 11/11 (100%)");
      expect(await other.db.collection("alerts").countDocuments()).toBe(11);

      const second = await runCli(["db", "seed", "--users", "3"], env);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain("already holds data");
      expect(second.stderr).toContain("--drop");

      const bad = await runCli(["db", "seed", "--users", "many"], env);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("expected a whole number");
    } finally {
      await other.close();
    }
  });
});
