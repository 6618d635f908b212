import type { CommandContext } from "./command-context";
import { isParameterName } from "./is-parameter-name";
import { serverParameters } from "./server-parameters";

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
