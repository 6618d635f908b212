import type { Command } from "commander";
import { provisionDatabase } from "../db/provision-database";

/** `jupiter serve`: provisions the database and serves the gateway. */
export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("start the gateway (provisions a database when MONGODB_URI is not set)")
    .action(async () => {
      const database = await provisionDatabase();
      console.log(database.reason);
      console.log(`MONGODB_URI=${database.uri}`);
      const stop = async () => {
        await database.stop();
        process.exit(0);
      };
      process.once("SIGINT", () => void stop());
      process.once("SIGTERM", () => void stop());
    });
}
