import type { EmbeddedMongoOptions } from "./embedded-mongo-options";
import { startEmbeddedMongo } from "./start-embedded-mongo";

/**
 * `jupiter embedded-mongo`: runs in the foreground, prints exactly one `ready <uri>` line on
 * stdout once connections are accepted, and exits 0 on SIGINT or SIGTERM.
 */
export async function runEmbeddedMongoCli(options: EmbeddedMongoOptions = {}): Promise<void> {
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
