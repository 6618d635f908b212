import { CommandError } from "../errors/command-error";
import type { CommandContext } from "./command-context";
import { cursorIdArg } from "./cursor-id-arg";
import { nonNegativeIntArg } from "./args";
import type { CommandReply } from "./command-context";
import { getMoreChangeStream } from "../change-streams/get-more-change-stream";

/** getMore: the next batch of an open cursor (unbounded count by default, capped at 16 MiB). */
export function getMoreCommand(ctx: CommandContext): CommandReply {
  ctx.engine.stats.opcounters.getmore++;
  const id = cursorIdArg(ctx.cmd.getMore);
  const collection = ctx.cmd.collection;
  if (typeof collection !== "string")
    throw new CommandError(14, "BSON field 'getMore.collection' is missing");
  const batchSize =
    ctx.cmd.batchSize === undefined ? undefined : nonNegativeIntArg(ctx.cmd.batchSize, "batchSize", 0);
  const stream = getMoreChangeStream(ctx, id, `${ctx.dbName}.${collection}`, batchSize);
  if (stream) return stream;
  return ctx.engine.cursors.getMore(id, `${ctx.dbName}.${collection}`, batchSize);
}
