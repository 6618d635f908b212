import type { Command } from "commander";
import type { OperationReporting } from "../../operations/operation-events";
import { type SeedDatabaseOptions, seedDatabase } from "../../operations/seed-database";
import { isoDate, positiveNumber, wholeNumber } from "./format-output";
import { runDbAction } from "./run-db-action";

/** What the options below parse to: the operation's own options, but its reporting. */
type SeedCliOptions = Omit<SeedDatabaseOptions, keyof OperationReporting>;

/** `jupiter db seed`: the deterministic demo data set (src/seed/seed-demo-data.ts). */
export function registerSeedCommand(db: Command): void {
  db.command("seed")
    .description("load the deterministic demo data; refuses a database that holds data unless --drop")
    .option("--users <n>", "users (default 300)", wholeNumber)
    .option("--cases <n>", "cases (default 5000)", wholeNumber)
    .option("--alerts <n>", "alerts (default 40000)", wholeNumber)
    .option("--days <n>", "spread cases and alerts over the last N days (default 90)", positiveNumber)
    .option("--seed <s>", "random seed: same seed, same data (default 1)", wholeNumber)
    .option("--now <iso>", "the instant the data ends at (default: now), for byte-identical data", isoDate)
    .option("--drop", "empty users, cases and alerts first (indexes and validators stay)")
    .action(async (options: SeedCliOptions) => {
      await runDbAction("seed", async ({ db: database, reporting, print }) => {
        const result = await seedDatabase(database, { ...options, ...reporting });
        print(
          `seeded ${database.databaseName}: ${result.users} users, ${result.cases} cases, ${result.alerts} alerts in ${(result.durationMs / 1000).toFixed(1)} s`,
        );
      });
    });
}
