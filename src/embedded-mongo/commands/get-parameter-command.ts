import { CommandError } from "../errors/command-error";
import type { CommandContext } from "./command-context";
import { isParameterName } from "./is-parameter-name";
import { serverParameters } from "./server-parameters";

/** getParameter: `{getParameter: 1, name: 1}` or `{getParameter: "*"}`. */
export function getParameterCommand(ctx: CommandContext): Record<string, unknown> {
  if (ctx.cmd.getParameter === "*") return { ...serverParameters, ok: 1 };
  const reply: Record<string, unknown> = {};
  for (const key of Object.keys(ctx.cmd)) {
    if (isParameterName(key) && key in serverParameters) reply[key] = serverParameters[key];
  }
  if (Object.keys(reply).length === 0) throw new CommandError(72, "no option found to get");
  return { ...reply, ok: 1 };
}
