import type { Command } from "commander";
import { runEmbeddedMongoCli } from "../embedded-mongo";

/** `jupiter embedded-mongo`: the embedded MongoDB-compatible engine in the foreground. */
export function registerEmbeddedMongoCommand(program: Command): void {
  program
    .command("embedded-mongo")
    .description("run the embedded MongoDB-compatible engine; prints one 'ready <uri>' line")
    .option("--port <port>", "TCP port (0 picks a free one)", "27017")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--data-dir <dir>", "keep data in this directory across restarts (memory only when absent)")
    .option("--change-history <events>", "change events kept for change streams to resume from", "10000")
    .action(async (options: { port: string; host: string; dataDir?: string; changeHistory: string }) => {
      const changeHistorySize = Number(options.changeHistory);
      if (!Number.isInteger(changeHistorySize) || changeHistorySize < 1) {
        process.stderr.write(
          `--change-history must be a whole number of events >= 1, got '${options.changeHistory}'\n`,
        );
        process.exit(2);
      }
      await runEmbeddedMongoCli({
        port: Number(options.port),
        host: options.host,
        dataDir: options.dataDir,
        changeHistorySize,
      });
    });
}
