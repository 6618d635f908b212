import type { CommandContext } from "./command-context";

/** Commands that only need an `ok: 1`: ping, endSessions, killAllSessions, and friends. */
export function pingCommand(_ctx: CommandContext): Record<string, unknown> {
  return { ok: 1 };
}
