import { type Command, Option } from "commander";
import { ApiKeyRepository } from "../auth/api-key.repository";
import { ROLES } from "../auth/caller";
import { OperationError } from "../operations/operation-error";
import { runDbAction } from "./db/run-db-action";
import { isObjectIdHex, parseObjectId } from "../db/parse-object-id";

/**
 * `jupiter apikey create|list|revoke`: API keys of services, in the api_keys
 * collection of MONGODB_URI / MONGODB_DB (like `jupiter db`). Only a key's SHA-256
 * is stored: `create` prints the key once; `list` never shows keys.
 */
export function registerApikeyCommand(program: Command): void {
  const apikey = program
    .command("apikey")
    .description("API keys for services: create, list, revoke")
    .addHelpText("after", "\nEnvironment: MONGODB_URI, MONGODB_DB (default: jupiter), as for `jupiter db`.");

  apikey
    .command("create")
    .description("create a key and print it (once: only its hash is stored)")
    .requiredOption("--name <name>", "what the key is for, e.g. dashboards")
    .addOption(new Option("--role <role>", "the key's role").choices([...ROLES]).makeOptionMandatory())
    .action(async (options: { name: string; role: (typeof ROLES)[number] }) => {
      const name = options.name.trim();
      if (name === "" || name.length > 100) {
        console.error("jupiter apikey create: --name must be 1 to 100 characters");
        process.exitCode = 1;
        return;
      }
      await runDbAction("apikey create", async ({ db, print }) => {
        const { key, summary } = await new ApiKeyRepository(db).create(name, options.role);
        print(`id:   ${summary.id}`);
        print(`name: ${summary.name}`);
        print(`role: ${summary.role}`);
        print(`key:  ${key}`);
        print("Store the key now: it is not kept and cannot be shown again.");
        print(`Use it as: Authorization: ApiKey ${key}`);
      });
    });

  apikey
    .command("list")
    .description("list keys (never the keys themselves)")
    .action(async () => {
      await runDbAction("apikey list", async ({ db, print }) => {
        const keys = await new ApiKeyRepository(db).list();
        if (keys.length === 0) print("no API keys");
        for (const key of keys) {
          print(
            [
              key.id,
              key.name,
              key.role,
              `created ${key.createdAt.toISOString()}`,
              `last used ${key.lastUsedAt ? key.lastUsedAt.toISOString() : "never"}`,
              key.revoked ? "REVOKED" : "active",
            ].join("  "),
          );
        }
      });
    });

  apikey
    .command("revoke")
    .description("revoke a key by its id (from `jupiter apikey list`)")
    .argument("<id>", "the key's id")
    .action(async (id: string) => {
      await runDbAction("apikey revoke", async ({ db, print }) => {
        if (!isObjectIdHex(id)) {
          throw new OperationError(`"${id}" is not a key id`, "use an id printed by `jupiter apikey list`");
        }
        const revoked = await new ApiKeyRepository(db).revoke(parseObjectId(id, "id"));
        if (!revoked) throw new OperationError(`no API key has the id ${id}`, "see `jupiter apikey list`");
        print(`revoked ${id}`);
      });
    });
}
