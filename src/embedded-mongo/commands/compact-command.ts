import { CommandError } from "../errors/command-error";
import { collectionArg } from "./args";
import type { CommandContext } from "./command-context";

/** compact: nothing to reclaim in memory; mongod's answer for an already compact collection. */
export function compactCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  if (!ctx.engine.db(ctx.dbName).get(name)) {
    throw new CommandError(26, `collection does not exist: ${ctx.dbName}.${name}`);
  }
  return { bytesFreed: 0, ok: 1 };
}
