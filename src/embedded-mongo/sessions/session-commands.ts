import { isPlainObject } from "../bson/is-plain-object";
import type { CommandContext } from "../commands/command-context";
import { CommandError } from "../errors/command-error";
import { sessionKey } from "./run-in-session";
import { sessionsOf } from "./session-manager";

function lsids(ctx: CommandContext): unknown[] {
  const list = ctx.cmd[ctx.name];
  return Array.isArray(list) ? list : [];
}

/** endSessions / killSessions: ends each listed session, aborting its open transaction. */
export function endSessionsCommand(ctx: CommandContext): Record<string, unknown> {
  const manager = sessionsOf(ctx.engine);
  for (const lsid of lsids(ctx)) {
    const key = sessionKey(lsid);
    if (key !== null) manager.end(key);
  }
  return { ok: 1 };
}

/** killAllSessions: ends every session. */
export function killAllSessionsCommand(ctx: CommandContext): Record<string, unknown> {
  sessionsOf(ctx.engine).endAll();
  return { ok: 1 };
}

/** refreshSessions: keeps the listed sessions alive. */
export function refreshSessionsCommand(ctx: CommandContext): Record<string, unknown> {
  const manager = sessionsOf(ctx.engine);
  for (const lsid of lsids(ctx)) {
    const key = sessionKey(isPlainObject(lsid) ? lsid : null);
    if (key !== null) manager.touch(key);
  }
  return { ok: 1 };
}

/** commitTransaction / abortTransaction are answered by runInSession; reaching here means no session. */
export function transactionCommand(ctx: CommandContext): Record<string, unknown> {
  throw new CommandError(50768, `${ctx.name} requires a session (lsid) and a txnNumber`);
}
