import type { Command } from "commander";
import { downloadMongod, findLocalMongod } from "../db/provision-database";

/**
 * `jupiter mongod download|where`: the explicit step that brings a real mongod onto
 * the machine. Starting the gateway never downloads; after a download, `auto`
 * provisioning finds the binary in mongodb-memory-server's cache.
 */
export function registerMongodCommand(program: Command): void {
  const mongod = program
    .command("mongod")
    .description("a real mongod for provisioning: download one, or show which one would be used")
    .addHelpText(
      "after",
      "\nEnvironment: MONGOMS_VERSION, MONGOMS_DOWNLOAD_DIR, MONGOMS_DOWNLOAD_URL (mongodb-memory-server's).",
    );

  mongod
    .command("download")
    .description("download a mongod into mongodb-memory-server's cache (the only step that uses the network)")
    .action(async () => {
      const found = await findLocalMongod(process.env);
      if (found.path) {
        console.log(`mongod already available: ${found.path}`);
        return;
      }
      console.log("downloading a mongod (mongodb-memory-server) …");
      console.log(`mongod downloaded: ${await downloadMongod()}`);
    });

  mongod
    .command("where")
    .description("print the local mongod that provisioning would use, without any network access")
    .action(async () => {
      const found = await findLocalMongod(process.env);
      if (found.path) console.log(found.path);
      else {
        console.error(`no local mongod: ${found.how}; run \`npx jupiter mongod download\``);
        process.exitCode = 1;
      }
    });
}
