import { createHash } from "node:crypto";
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { MongoClient, ObjectId } from "mongodb";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { LOCKS_COLLECTION } from "../../src/operations/operation-lock";
import { migrateDown, migrateUp, migrationStatus } from "../../src/operations/migration-runner";
import { OperationError } from "../../src/operations/operation-error";
import { useTestDatabase } from "../helpers/use-test-database";
import { engineGap, probeTransactions } from "./support/engine-gaps";
import { runCli } from "./support/run-cli";

const MIGRATIONS = resolve(__dirname, "../../migrations");
const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** A migration that counts its own runs in `runs` (applied twice → 2) and waits a little. */
function counterMigration(name: string, waitMs = 150): string {
  return `import type { ClientSession, Db } from "mongodb";
export async function up(db: Db, session?: ClientSession): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ${waitMs}));
  await db.collection("runs").updateOne({ name: "${name}" }, { $inc: { up: 1 } }, { upsert: true, session });
}
export async function down(db: Db, session?: ClientSession): Promise<void> {
  await db.collection("runs").updateOne({ name: "${name}" }, { $inc: { down: 1 } }, { upsert: true, session });
}
`;
}

describe("db migrate", () => {
  const t = useTestDatabase("ops_migrate");
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "jupiter-migrations-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    await t.db.dropDatabase();
  });

  it("applies 001 and 002 in order, records them with checksum and date, and never twice", async () => {
    const withoutPriority = { _id: new ObjectId(), title: "old case", status: "open", severity: "high" };
    const withPriority = {
      _id: new ObjectId(),
      title: "new case",
      status: "open",
      severity: "low",
      priority: "low",
    };
    const oldAlert = {
      _id: new ObjectId(),
      type: "cpu",
      source: "prometheus",
      level: "critical",
      resolved: false,
    };
    const newAlert = {
      _id: new ObjectId(),
      type: "disk",
      source: "datadog",
      severity: "low",
      resolved: true,
    };
    await t.db.collection("cases").insertMany([withoutPriority, withPriority]);
    await t.db.collection("alerts").insertMany([oldAlert, newAlert]);

    const before = new Date();
    const result = await migrateUp(t.db);
    expect(result.done).toEqual(["001_add_case_priority", "002_update_alert_schema"]);

    const cases = await t.db.collection("cases").find().sort({ _id: 1 }).toArray();
    expect(cases).toEqual(
      [{ ...withoutPriority, priority: "medium" }, withPriority].sort((a, b) =>
        a._id.toHexString().localeCompare(b._id.toHexString()),
      ),
    );
    const { level, ...renamed } = oldAlert;
    const alerts = await t.db.collection("alerts").find().sort({ _id: 1 }).toArray();
    expect(alerts).toEqual(
      [{ ...renamed, severity: level }, newAlert].sort((a, b) =>
        a._id.toHexString().localeCompare(b._id.toHexString()),
      ),
    );
    expect(await t.db.collection("cases").indexExists("priority_1")).toBe(true);

    const records = await t.db.collection("migrations").find().sort({ name: 1 }).toArray();
    expect(records.map((r) => [r.name, r.checksum])).toEqual([
      ["001_add_case_priority", sha256(join(MIGRATIONS, "001_add_case_priority.ts"))],
      ["002_update_alert_schema", sha256(join(MIGRATIONS, "002_update_alert_schema.ts"))],
    ]);
    for (const record of records) {
      expect(record.executed_at).toBeInstanceOf(Date);
      expect(record.executed_at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    }

    // A case written without priority after the migration stays so: 001 does not run again.
    const later = { _id: new ObjectId(), title: "later", status: "open", severity: "low" };
    await t.db.collection("cases").insertOne(later);
    const again = await migrateUp(t.db);
    expect(again.done).toEqual([]);
    expect(await t.db.collection("cases").findOne({ _id: later._id })).toEqual(later);
    expect(await t.db.collection("migrations").countDocuments()).toBe(2);

    const status = await migrationStatus(t.db);
    expect(status.map((s) => [s.name, s.state])).toEqual([
      ["001_add_case_priority", "applied"],
      ["002_update_alert_schema", "applied"],
    ]);
    expect(status.every((s) => s.executed_at instanceof Date)).toBe(true);
  });

  it("--to stops after the named migration; down --to reverts the later ones", async () => {
    const alert = { _id: new ObjectId(), type: "cpu", source: "prometheus", level: "high", resolved: false };
    await t.db.collection("alerts").insertOne(alert);
    expect((await migrateUp(t.db, { to: "001_add_case_priority" })).done).toEqual(["001_add_case_priority"]);
    expect(await t.db.collection("alerts").findOne({ _id: alert._id })).toEqual(alert);
    expect((await migrateUp(t.db)).done).toEqual(["002_update_alert_schema"]);
    expect((await t.db.collection("alerts").findOne({ _id: alert._id }))?.severity).toBe("high");

    const down = await migrateDown(t.db, { to: "001_add_case_priority" });
    expect(down.done).toEqual(["002_update_alert_schema"]);
    expect(await t.db.collection("alerts").findOne({ _id: alert._id })).toEqual(alert);
    expect((await migrationStatus(t.db)).map((s) => s.state)).toEqual(["applied", "pending"]);
  });

  it("a dry run changes nothing", async () => {
    await t.db.collection("cases").insertOne({ title: "x", status: "open", severity: "low" });
    const result = await migrateUp(t.db, { dryRun: true });
    expect(result.planned).toEqual(["001_add_case_priority", "002_update_alert_schema"]);
    expect(result.done).toEqual([]);
    expect(await t.db.collection("migrations").countDocuments()).toBe(0);
    expect(await t.db.collection("cases").countDocuments({ priority: { $exists: true } })).toBe(0);
  });

  it("refuses to run when an applied migration's file changed, naming it", async () => {
    const dir = tempDir();
    for (const name of ["001_add_case_priority.ts", "002_update_alert_schema.ts"]) {
      copyFileSync(join(MIGRATIONS, name), join(dir, name));
    }
    await migrateUp(t.db, { dir, to: "001_add_case_priority" });
    appendFileSync(join(dir, "001_add_case_priority.ts"), "\n// edited after it was applied\n");

    const run = migrateUp(t.db, { dir });
    await expect(run).rejects.toBeInstanceOf(OperationError);
    await expect(migrateUp(t.db, { dir })).rejects.toThrow(
      /001_add_case_priority changed since it was applied/,
    );
    expect(await t.db.collection("migrations").countDocuments({ name: "002_update_alert_schema" })).toBe(0);
    expect(
      (await migrationStatus(t.db, { dir })).find((s) => s.name === "001_add_case_priority")?.state,
    ).toBe("changed");
  });

  it("two runners started together apply each migration exactly once", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "001_first.ts"), counterMigration("001_first"));
    writeFileSync(join(dir, "002_second.ts"), counterMigration("002_second"));
    const clients = await Promise.all([MongoClient.connect(t.uri), MongoClient.connect(t.uri)]);
    try {
      const results = await Promise.all(
        clients.map((client) => migrateUp(client.db(t.dbName), { dir, lock: { pollMs: 50 } })),
      );
      expect(results.map((r) => r.done.length).sort()).toEqual([0, 2]);
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
    const runs = await t.db
      .collection("runs")
      .find({}, { projection: { _id: 0 } })
      .sort({ name: 1 })
      .toArray();
    expect(runs).toEqual([
      { name: "001_first", up: 1 },
      { name: "002_second", up: 1 },
    ]);
    expect(await t.db.collection("migrations").countDocuments()).toBe(2);
    expect(await t.db.collection(LOCKS_COLLECTION).countDocuments()).toBe(0);
  });

  it("waits for a live lock, gives up with a message naming its holder, and takes over a stale one", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "001_first.ts"), counterMigration("001_first", 0));
    await t.db.collection(LOCKS_COLLECTION).createIndex({ name: 1 }, { unique: true, name: "name_1" });
    const now = Date.now();
    await t.db.collection(LOCKS_COLLECTION).insertOne({
      name: "migrations",
      owner: "other-host:123:abc",
      acquired_at: new Date(now),
      expires_at: new Date(now + 60_000),
    });
    const busy = migrateUp(t.db, { dir, lock: { waitMs: 300, pollMs: 50 } });
    await expect(busy).rejects.toThrow(/held by other-host:123:abc/);
    expect(await t.db.collection("runs").countDocuments()).toBe(0);

    await t.db
      .collection(LOCKS_COLLECTION)
      .updateOne({ name: "migrations" }, { $set: { expires_at: new Date(now - 1_000) } });
    const lines: string[] = [];
    const result = await migrateUp(t.db, { dir, log: (line) => lines.push(line) });
    expect(result.done).toEqual(["001_first"]);
    expect(lines.join("\n")).toContain("took over the stale lock");
  });

  it("records nothing for a migration that fails, so that it runs again", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "001_fails.ts"),
      `import type { Db } from "mongodb";
export async function up(db: Db): Promise<void> { throw new Error("boom"); }
export async function down(_db: Db): Promise<void> {}
`,
    );
    await expect(migrateUp(t.db, { dir, transactions: "never" })).rejects.toThrow("boom");
    expect(await t.db.collection("migrations").countDocuments()).toBe(0);
    expect((await migrationStatus(t.db, { dir }))[0]?.state).toBe("pending");
    expect(await t.db.collection(LOCKS_COLLECTION).countDocuments()).toBe(0);
  });

  it("rolls a failing migration back where transactions are available", async () => {
    const gap = await probeTransactions(t.db);
    if (gap) throw engineGap("multi-document transactions (commitTransaction/abortTransaction)", gap);
    const dir = tempDir();
    writeFileSync(
      join(dir, "001_half.ts"),
      `import type { ClientSession, Db } from "mongodb";
export async function up(db: Db, session?: ClientSession): Promise<void> {
  await db.collection("half").insertOne({ written: true }, { session });
  throw new Error("half-way");
}
export async function down(_db: Db): Promise<void> {}
`,
    );
    await t.db.createCollection("half");
    await expect(migrateUp(t.db, { dir })).rejects.toThrow("half-way");
    expect(await t.db.collection("half").countDocuments()).toBe(0);
    expect(await t.db.collection("migrations").countDocuments()).toBe(0);
  });

  it("says whether it used transactions, and why", async () => {
    const result = await migrateUp(t.db);
    const gap = await probeTransactions(t.db);
    expect(result.transactions.used).toBe(gap === null);
    expect(result.transactions.reason).not.toBe("");
  });

  it("works through the CLI: migrate, status, and a clear error for down without --to", async () => {
    const env = { uri: t.uri, dbName: t.dbName };
    await t.db.collection("alerts").insertOne({ type: "cpu", source: "x", level: "low", resolved: false });
    const up = await runCli(["db", "migrate"], env);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toContain("applied 2: 001_add_case_priority, 002_update_alert_schema");
    expect(
      await t.db.collection("alerts").countDocuments({ severity: "low", level: { $exists: false } }),
    ).toBe(1);

    const status = await runCli(["db", "migrate", "status"], env);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/001_add_case_priority\s+applied\s+\d{4}-\d\d-\d\dT/);
    expect(status.stdout).toContain("2 applied, 0 pending");

    const down = await runCli(["db", "migrate", "down"], env);
    expect(down.code).not.toBe(0);
    expect(down.stderr).toContain("--to");
  });
});
