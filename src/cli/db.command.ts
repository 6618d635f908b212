import type { Command } from "commander";
import { registerArchiveCommand } from "./db/archive.command";
import { registerBackupCommands } from "./db/backup.command";
import { registerCleanupCommand } from "./db/cleanup.command";
import { registerMigrateCommand } from "./db/migrate.command";
import { registerRollupsCommand } from "./db/rollups.command";
import { registerSeedCommand } from "./db/seed.command";
import { registerSetupCommand } from "./db/setup.command";
import { registerStatsCommand } from "./db/stats.command";

/**
 * `jupiter db …`: database operations against MONGODB_URI (or the provisioned default)
 * and the database MONGODB_DB (default "jupiter"). Each subcommand is a thin shell over a
 * function of src/operations/; exit codes: 0 done, 1 failed (the message says what to
 * do), 2 `db setup` found index drift (everything else was applied).
 */
export function registerDbCommand(program: Command): void {
  const db = program
    .command("db")
    .description(
      "database operations: setup, migrate, seed, archive, cleanup, backup, restore, stats, rollups",
    )
    .addHelpText(
      "after",
      "\nEnvironment: MONGODB_URI (default: a provisioned, temporary database), MONGODB_DB (default: jupiter).\n" +
        "Exit codes: 0 done; 1 failed (the message says what to do); 2 db setup found index drift.",
    );
  registerSetupCommand(db);
  registerMigrateCommand(db);
  registerSeedCommand(db);
  registerArchiveCommand(db);
  registerCleanupCommand(db);
  registerBackupCommands(db);
  registerStatsCommand(db);
  registerRollupsCommand(db);
}
