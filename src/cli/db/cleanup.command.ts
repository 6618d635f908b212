import type { Command } from "commander";
import { cleanupOrphans } from "../../operations/cleanup-orphans";
import { runDbAction } from "./run-db-action";

/** `jupiter db cleanup [--dry-run]`. */
export function registerCleanupCommand(db: Command): void {
  db.command("cleanup")
    .description("remove alerts of cases that do not exist, and audit logs past their 90-day retention")
    .option("--dry-run", "count what would be removed; change nothing")
    .action(async (options: { dryRun?: boolean }) => {
      await runDbAction("cleanup", async ({ db: database, reporting, print }) => {
        const result = await cleanupOrphans(database, { ...reporting, dryRun: options.dryRun });
        print(
          result.dryRun
            ? `dry run: ${result.orphanAlerts} orphan alerts and ${result.expiredAuditLogs} expired audit logs would be removed (${result.alertsScanned} alerts scanned)`
            : `removed ${result.orphanAlertsRemoved} orphan alerts and ${result.expiredAuditLogsRemoved} expired audit logs (${result.alertsScanned} alerts scanned)`,
        );
      });
    });
}
