import type { Command } from "commander";
import { databaseStats } from "../../operations/database-stats";
import { formatBytes, formatTable } from "./format-output";
import { registerReportCommand } from "./report-command";

/** `jupiter db stats [--json]`. */
export function registerStatsCommand(db: Command): void {
  registerReportCommand(db, {
    command: "stats",
    description: "per collection: documents, sizes, and index usage ($indexStats)",
    read: ({ db: database }) => databaseStats(database),
    printText: (stats, print) => {
      print(
        formatTable(
          ["collection", "documents", "data", "storage", "avg doc", "indexes", "index size"],
          stats.collections.map((c) => [
            c.name,
            c.count,
            formatBytes(c.size),
            formatBytes(c.storageSize),
            formatBytes(Math.round(c.avgObjSize)),
            c.indexes.length,
            formatBytes(c.totalIndexSize),
          ]),
        ),
      );
      print("");
      print(
        formatTable(
          ["collection", "index", "ops", "since", "size"],
          stats.collections.flatMap((c) =>
            c.indexes.map((index) => [
              c.name,
              index.name,
              index.ops === null ? "n/a" : index.ops,
              index.since?.toISOString() ?? "-",
              index.size === null ? "n/a" : formatBytes(index.size),
            ]),
          ),
        ),
      );
      print("");
      print(
        `${stats.database}: ${stats.totals.collections} collections, ${stats.totals.objects} documents, ` +
          `${formatBytes(stats.totals.dataSize)} data, ${formatBytes(stats.totals.indexSize)} indexes`,
      );
      for (const note of stats.notes) console.error(`note: ${note}`);
    },
  });
}
