import type { EmbeddedMongoOptions } from "./EmbeddedMongoOptions";
import { startEmbeddedMongo } from "./startEmbeddedMongo";

/**
 * `jupiter embedded-mongo`: runs in the foreground, prints exactly one `ready <uri>` line on
 * stdout once connections are accepted, and exits 0 on SIGINT or SIGTERM.
 */
export async function runEmbeddedMongoCli(options: EmbeddedMongoOptions = {}): Promise<void> {
  if (options.dataDir) {
    process.stderr.write(`embedded-mongo: dataDir is not supported yet; data is kept in memory only\n`);
  }
  const engine = await startEmbeddedMongo(options);
  process.stdout.write(`ready ${engine.uri}\n`);
  await new Promise<void>((resolve) => {
    const shutdown = () => {
      process.off("SIGINT", shutdown);
      process.off("SIGTERM", shutdown);
      void engine.stop().then(resolve, resolve);
    };
    process.on("SIGINT", shutdown);
    process.on("SIGTERM", shutdown);
  });
  process.exit(0);
}
