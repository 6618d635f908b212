import { type Command, InvalidArgumentError } from "commander";
import { backupDatabase, type BackupEngine } from "../../operations/backup-database";
import { restoreDatabase } from "../../operations/restore-database";
import { formatBytes, formatTable } from "./format-output";
import { runDbAction } from "./run-db-action";

function engineOption(value: string): BackupEngine {
  if (value === "auto" || value === "builtin" || value === "mongodump") return value;
  throw new InvalidArgumentError("expected auto, builtin or mongodump");
}

/** `jupiter db backup --out FILE` and `jupiter db restore FILE [--drop]`. */
export function registerBackupCommands(db: Command): void {
  db.command("backup")
    .description("write every collection (documents, indexes, validators) to a gzip archive with a manifest")
    .requiredOption("--out <file>", "archive to write, e.g. backups/jupiter-2025-01-31.jbak.gz")
    .option(
      "--engine <engine>",
      "auto (mongodump when installed), builtin or mongodump",
      engineOption,
      "auto",
    )
    .action(async (options: { out: string; engine: BackupEngine }) => {
      await runDbAction("backup", async ({ db: database, uri, reporting, print }) => {
        const result = await backupDatabase(database, {
          ...reporting,
          out: options.out,
          engine: options.engine,
          uri,
        });
        if (result.collections.length > 0) {
          print(
            formatTable(
              ["collection", "documents", "indexes", "sha256"],
              result.collections.map((c) => [c.name, c.count, c.indexes, c.sha256.slice(0, 16)]),
            ),
          );
        }
        print(
          `backup of ${database.databaseName} (${result.engine}) written to ${result.file}: ${formatBytes(result.bytes)}`,
        );
      });
    });

  db.command("restore")
    .description("restore an archive of db backup into the database (must be empty unless --drop)")
    .argument("<file>", "archive written by jupiter db backup (or mongodump --archive --gzip)")
    .option("--drop", "drop the backup's collections where the target has them")
    .option("--engine <engine>", "auto (by the archive's format), builtin or mongodump", engineOption, "auto")
    .action(async (file: string, options: { drop?: boolean; engine: BackupEngine }) => {
      await runDbAction("restore", async ({ db: database, uri, reporting, print }) => {
        const result = await restoreDatabase(database, {
          ...reporting,
          file,
          drop: options.drop,
          engine: options.engine,
          uri,
        });
        if (result.collections.length > 0) {
          print(
            formatTable(
              ["collection", "documents", "indexes"],
              result.collections.map((c) => [c.name, c.documents, c.indexes]),
            ),
          );
        }
        print(
          `restored ${file} into ${database.databaseName} (${result.engine})${result.dropped.length > 0 ? `, after dropping ${result.dropped.join(", ")}` : ""}`,
        );
      });
    });
}
