import { beforeAll, describe, expect, it } from "vitest";
import { databaseStats } from "../../src/operations/database-stats";
import { useTestDatabase } from "../helpers/use-test-database";
import { engineGap, probeIndexStats } from "./support/engine-gaps";
import { runCli } from "./support/run-cli";

describe("db stats", () => {
  const t = useTestDatabase("ops_stats");
  beforeAll(async () => {
    await t.db.collection("alerts").createIndex({ severity: 1 }, { name: "severity_1" });
    await t.db.collection("alerts").insertMany(
      Array.from({ length: 40 }, (_, i) => ({
        severity: i % 2 ? "low" : "high",
        message: "x".repeat(50),
        n: i,
      })),
    );
    await t.db.collection("cases").insertMany(Array.from({ length: 3 }, (_, i) => ({ title: `c${i}` })));
  });

  it("reports counts and sizes per collection that change with inserts", async () => {
    const before = await databaseStats(t.db);
    const alerts = before.collections.find((c) => c.name === "alerts")!;
    expect(alerts.count).toBe(40);
    expect(before.collections.find((c) => c.name === "cases")!.count).toBe(3);
    expect(alerts.size).toBeGreaterThan(40 * 50);
    expect(alerts.indexes.map((i) => i.name).sort()).toEqual(["_id_", "severity_1"]);

    await t.db
      .collection("alerts")
      .insertMany(
        Array.from({ length: 20 }, (_, i) => ({ severity: "low", message: "y".repeat(200), n: 100 + i })),
      );
    const after = await databaseStats(t.db);
    const grown = after.collections.find((c) => c.name === "alerts")!;
    expect(grown.count).toBe(60);
    expect(grown.size).toBeGreaterThan(alerts.size + 20 * 200 - 1);
    expect(after.totals.objects).toBe(before.totals.objects + 20);
  });

  it("reports index usage ($indexStats accesses.ops) that grows with queries", async () => {
    const gap = await probeIndexStats(t.db);
    if (gap) throw engineGap("$indexStats", gap);
    const usage = async () =>
      (await databaseStats(t.db)).collections
        .find((c) => c.name === "alerts")!
        .indexes.find((i) => i.name === "severity_1")!.ops!;
    const before = await usage();
    for (let i = 0; i < 3; i++)
      await t.db.collection("alerts").find({ severity: "high" }).hint("severity_1").toArray();
    expect(await usage()).toBe(before + 3);
  });

  it("works through the CLI: a table, and --json for machines", async () => {
    const env = { uri: t.uri, dbName: t.dbName };
    const json = await runCli(["db", "stats", "--json"], env);
    expect(json.code, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout) as { collections: { name: string; count: number }[] };
    const expectedAlerts = await t.db.collection("alerts").countDocuments();
    expect(parsed.collections.find((c) => c.name === "alerts")?.count).toBe(expectedAlerts);
    expect(parsed.collections.find((c) => c.name === "cases")?.count).toBe(3);

    const table = await runCli(["db", "stats"], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`^alerts\\s+${expectedAlerts}\\s`, "m"));
    expect(table.stdout).toMatch(/^alerts\s+severity_1\s/m);
  });
});
