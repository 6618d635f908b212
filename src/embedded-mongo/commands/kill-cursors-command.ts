import { CommandError } from "../errors/command-error";
import type { CommandContext } from "./command-context";
import { cursorIdArg } from "./cursor-id-arg";

/** killCursors: reports which ids were open (killed) and which were not. */
export function killCursorsCommand(ctx: CommandContext): Record<string, unknown> {
  const ids = ctx.cmd.cursors;
  if (!Array.isArray(ids)) throw new CommandError(14, "BSON field 'killCursors.cursors' is missing");
  const { cursorsKilled, cursorsNotFound } = ctx.engine.cursors.kill(ids.map(cursorIdArg));
  return { cursorsKilled, cursorsNotFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
}
