import { CommandError } from "../errors/command-error";
import { currentOpDocuments } from "../profiler/current-op-documents";
import type { CommandContext } from "./command-context";

/** currentOp (admin): `{inprog: [...]}` with the operations in progress. */
export function currentOpCommand(ctx: CommandContext): Record<string, unknown> {
  if (ctx.dbName !== "admin")
    throw new CommandError(13, "currentOp may only be run against the admin database.");
  return { inprog: currentOpDocuments(ctx.engine, ctx.address), ok: 1 };
}
