import type { Command } from "commander";
import type { Db } from "mongodb";
import {
  migrateDown,
  migrateUp,
  migrationStatus,
  type MigrationOptions,
  type MigrationRunResult,
} from "../../operations/migration-runner";
import { formatTable } from "./format-output";
import { type ActionContext, runDbAction } from "./run-db-action";

interface RunOptions {
  to?: string;
  dryRun?: boolean;
}

/** `migrate up` and `migrate down`: run the migrations under runDbAction, then print the summary. */
function migrationAction(
  label: string,
  migrate: (db: Db, options: MigrationOptions) => Promise<MigrationRunResult>,
): (options: RunOptions) => Promise<void> {
  return async (options) => {
    await runDbAction(label, async (context) => {
      const result = await migrate(context.db, {
        ...context.reporting,
        to: options.to,
        dryRun: options.dryRun,
      });
      summarize(context, result);
    });
  };
}

/** `jupiter db migrate [status | up [--to NAME] | down --to NAME] [--dry-run]`. */
export function registerMigrateCommand(db: Command): void {
  const migrate = db
    .command("migrate")
    .description("apply (default), revert or list the migrations of migrations/");

  migrate
    .command("up", { isDefault: true })
    .description("apply the pending migrations in order, each once, under a lock")
    .option("--to <name>", "stop after this migration")
    .option("--dry-run", "list what would be applied; change nothing")
    .action(migrationAction("migrate up", migrateUp));

  migrate
    .command("down")
    .description("revert the applied migrations after --to NAME, newest first (--to initial: all)")
    .requiredOption("--to <name>", "the last migration to keep applied, or 'initial'")
    .option("--dry-run", "list what would be reverted; change nothing")
    .action(migrationAction("migrate down", migrateDown));

  migrate
    .command("status")
    .description("list the migrations: applied (with dates), pending, changed, missing file")
    .option("--dry-run", "accepted for symmetry; status changes nothing")
    .action(async () => {
      await runDbAction("migrate status", async ({ db: database, print }) => {
        const entries = await migrationStatus(database);
        print(
          formatTable(
            ["migration", "state", "executed_at"],
            entries.map((entry) => [entry.name, entry.state, entry.executed_at?.toISOString() ?? "-"]),
          ),
        );
        const pending = entries.filter((entry) => entry.state === "pending").length;
        const applied = entries.filter((entry) => entry.state === "applied").length;
        print(`${applied} applied, ${pending} pending`);
        const broken = entries.filter((entry) => entry.state === "changed" || entry.state === "missing-file");
        if (broken.length > 0) {
          console.error(
            `jupiter db migrate status: ${broken.map((entry) => `${entry.name} (${entry.state})`).join(", ")}; ` +
              "what to do: restore applied migration files as they were applied (git checkout migrations/)",
          );
          return 1;
        }
        return 0;
      });
    });
}

function summarize({ print }: ActionContext, result: MigrationRunResult): void {
  const verb = result.direction === "up" ? "applied" : "reverted";
  if (result.dryRun) {
    print(
      result.planned.length === 0
        ? "dry run: nothing to do"
        : `dry run: would have ${verb} ${result.planned.join(", ")}`,
    );
    return;
  }
  print(
    result.done.length === 0
      ? `nothing to do (transactions: ${result.transactions.used ? "yes" : "no"})`
      : `${verb} ${result.done.length}: ${result.done.join(", ")} (transactions: ${result.transactions.used ? "yes" : `no — ${result.transactions.reason}`})`,
  );
}
