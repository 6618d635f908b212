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
    .action(async (options: { port: string; host: string; dataDir?: string }) => {
      await runEmbeddedMongoCli({ port: Number(options.port), host: options.host, dataDir: options.dataDir });
    });
}
