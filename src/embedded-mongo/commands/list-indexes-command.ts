import { CommandError } from "../errors/command-error";
import type { Doc } from "../storage/doc";
import { collectionArg, docArg } from "./args";
import type { CommandContext } from "./command-context";

/** listIndexes: the stored specs, as a cursor. */
export function listIndexesCommand(ctx: CommandContext): Buffer {
  const name = collectionArg(ctx);
  const coll = ctx.engine.db(ctx.dbName).get(name);
  if (!coll) throw new CommandError(26, `ns does not exist: ${ctx.dbName}.${name}`);
  const specs: Doc[] = [...coll.indexes.values()].map((i) => ({ ...i.spec }));
  const cursor = docArg(ctx.cmd.cursor, "cursor");
  return ctx.engine.cursors.open(`${ctx.dbName}.$cmd.listIndexes.${name}`, specs[Symbol.iterator](), {
    batchSize: typeof cursor.batchSize === "number" ? cursor.batchSize : undefined,
  });
}
