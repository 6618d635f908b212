import { type Document, ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { cleanupOrphans } from "../../src/operations/cleanup-orphans";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";
import { useTestDatabase } from "../helpers/use-test-database";
import { runCli } from "./support/run-cli";

const NOW = new Date("2025-06-01T00:00:00Z");
const DAY = 86_400_000;

interface Fixture {
  alerts: Document[];
  orphanIds: string[];
  expiredAuditIds: string[];
}

/** Cases that exist (live or archived), case ids that do not, and alerts pointing at each. */
async function insertFixture(t: TestDatabase): Promise<Fixture> {
  const live = [new ObjectId(), new ObjectId()];
  const archived = new ObjectId();
  const missing = [new ObjectId(), new ObjectId()];
  await t.db.collection("cases").insertMany(live.map((_id) => ({ _id, title: "live", status: "open" })));
  await t.db.collection("archived_cases").insertOne({ _id: archived, title: "archived", status: "closed" });
  const targets: (ObjectId | null | undefined)[] = [...live, archived, ...missing, null, undefined];
  const alerts: Document[] = [];
  for (let i = 0; i < 28; i++) {
    const target = targets[i % targets.length];
    const alert: Document = { _id: new ObjectId(), type: "cpu", source: "s", severity: "low", n: i };
    if (target !== undefined) alert.case_id = target;
    alerts.push(alert);
  }
  await t.db.collection("alerts").insertMany(alerts.map((a) => ({ ...a })));
  const missingSet = new Set(missing.map(String));
  const orphanIds = alerts
    .filter((a) => a.case_id && missingSet.has(String(a.case_id)))
    .map((a) => String(a._id));

  const audit = [1, 30, 89, 91, 120, 400].map((days) => ({
    _id: new ObjectId(),
    action: "case.update",
    created_at: new Date(NOW.getTime() - days * DAY),
  }));
  await t.db.collection("audit_logs").insertMany(audit);
  const expiredAuditIds = audit
    .filter((a) => a.created_at.getTime() < NOW.getTime() - 90 * DAY)
    .map((a) => String(a._id));
  return { alerts, orphanIds, expiredAuditIds };
}

describe("db cleanup", () => {
  const t = useTestDatabase("ops_cleanup");

  it("removes exactly the orphan alerts (not those with case_id null) and expired audit logs", async () => {
    const fixture = await insertFixture(t);
    expect(fixture.orphanIds.length).toBe(8);

    const dry = await cleanupOrphans(t.db, { now: NOW, dryRun: true, batchSize: 5 });
    expect(dry.orphanAlerts).toBe(fixture.orphanIds.length);
    expect(dry.expiredAuditLogs).toBe(fixture.expiredAuditIds.length);
    expect(await t.db.collection("alerts").countDocuments()).toBe(fixture.alerts.length);
    expect(await t.db.collection("audit_logs").countDocuments()).toBe(6);

    const result = await cleanupOrphans(t.db, { now: NOW, batchSize: 5 });
    expect(result.orphanAlertsRemoved).toBe(fixture.orphanIds.length);
    expect(result.missingCases).toBeGreaterThanOrEqual(2);
    const remaining = (await t.db.collection("alerts").find().toArray()).map((a) => String(a._id)).sort();
    const expected = fixture.alerts
      .map((a) => String(a._id))
      .filter((id) => !fixture.orphanIds.includes(id))
      .sort();
    expect(remaining).toEqual(expected);
    expect(await t.db.collection("alerts").countDocuments({ case_id: null })).toBe(8);

    const audit = (await t.db.collection("audit_logs").find().toArray()).map((a) => String(a._id));
    expect(audit.some((id) => fixture.expiredAuditIds.includes(id))).toBe(false);
    expect(audit.length).toBe(6 - fixture.expiredAuditIds.length);

    const again = await cleanupOrphans(t.db, { now: NOW });
    expect(again.orphanAlertsRemoved).toBe(0);
    expect(again.expiredAuditLogsRemoved).toBe(0);
  });

  it("works through the CLI", async () => {
    const other = await openTestDatabase("ops_cleanup_cli");
    try {
      const env = { uri: other.uri, dbName: other.dbName };
      const fixture = await insertFixture(other);
      const dry = await runCli(["db", "cleanup", "--dry-run"], env);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain(`dry run: ${fixture.orphanIds.length} orphan alerts`);
      const run = await runCli(["db", "cleanup"], env);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`removed ${fixture.orphanIds.length} orphan alerts`);
      expect(await other.db.collection("alerts").countDocuments()).toBe(
        fixture.alerts.length - fixture.orphanIds.length,
      );
    } finally {
      await other.close();
    }
  });
});
