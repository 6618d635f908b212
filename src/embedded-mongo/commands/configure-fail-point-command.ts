import { CommandError } from "../errors/command-error";
import { failCommandPointOf } from "../failpoints/fail-command-point";
import type { CommandContext } from "./command-context";

/** `configureFailPoint` (admin only, as on mongod): only the `failCommand` fail point exists here. */
export function configureFailPointCommand(ctx: CommandContext): Record<string, unknown> {
  if (ctx.dbName !== "admin")
    throw new CommandError(13, "configureFailPoint may only be run against the admin database");
  const name = ctx.cmd.configureFailPoint;
  if (name !== "failCommand") {
    throw new CommandError(2, `fail point ${JSON.stringify(name)} is not supported by the embedded engine`);
  }
  const data = (ctx.cmd.data ?? {}) as Record<string, unknown>;
  const count = failCommandPointOf(ctx.engine).configure(ctx.cmd.mode, data);
  return { count: Number.isFinite(count) ? count : 0, ok: 1 };
}
