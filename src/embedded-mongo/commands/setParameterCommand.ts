import type { CommandContext } from "./CommandContext";
import { isParameterName } from "./isParameterName";
import { serverParameters } from "./serverParameters";

/** setParameter: stored and acknowledged with the previous value (nothing here is tunable yet). */
export function setParameterCommand(ctx: CommandContext): Record<string, unknown> {
  const reply: Record<string, unknown> = { ok: 1 };
  for (const key of Object.keys(ctx.cmd)) {
    if (!isParameterName(key)) continue;
    reply.was = serverParameters[key] ?? null;
    serverParameters[key] = ctx.cmd[key];
  }
  return reply;
}
