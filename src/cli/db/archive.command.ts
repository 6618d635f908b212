import type { Command } from "commander";
import { archiveCases } from "../../operations/archive-cases";
import { parseDuration } from "../../operations/parse-duration";
import { runDbAction } from "./run-db-action";

/** `jupiter db archive [--older-than 30d] [--dry-run]`. */
export function registerArchiveCommand(db: Command): void {
  db.command("archive")
    .description("move resolved and closed cases not updated within the period to archived_cases")
    .option("--older-than <duration>", "not updated for this long: 30d, 12h, 2w …", "30d")
    .option("--dry-run", "count what would be archived; change nothing")
    .option("--batch-size <n>", "cases per batch", "1000")
    .action(async (options: { olderThan: string; dryRun?: boolean; batchSize: string }) => {
      await runDbAction("archive", async ({ db: database, reporting, print }) => {
        const result = await archiveCases(database, {
          ...reporting,
          olderThanMs: parseDuration(options.olderThan),
          dryRun: options.dryRun,
          batchSize: Math.max(1, Number(options.batchSize) || 1000),
        });
        print(
          result.dryRun
            ? `dry run: ${result.candidates} cases would be archived (not updated since ${result.cutoff.toISOString()})`
            : `archived ${result.deleted} cases into archived_cases (${result.merged} copied, ${result.skipped} changed meanwhile and kept, ${result.batches} batches)`,
        );
      });
    });
}
