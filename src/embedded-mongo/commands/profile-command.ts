import { CommandError } from "../errors/command-error";
import { profilerOf } from "../profiler/operations";
import type { CommandContext } from "./command-context";

/**
 * profile: `{profile: -1}` reads, `{profile: 0|1|2, slowms?, sampleRate?}` sets the database's
 * profiling level (entries go to <db>.system.profile); answers the previous settings as mongod.
 */
export function profileCommand(ctx: CommandContext): Record<string, unknown> {
  const level = ctx.cmd.profile;
  if (typeof level !== "number" || !Number.isInteger(level) || level < -1 || level > 2) {
    throw new CommandError(2, "Invalid profiling level");
  }
  const state = profilerOf(ctx.engine);
  const current = state.levels.get(ctx.dbName) ?? { level: 0, slowms: state.defaultSlowms, sampleRate: 1 };
  const reply = { was: current.level, slowms: current.slowms, sampleRate: current.sampleRate, ok: 1 };
  if (level === -1) return reply;
  const next = { ...current, level };
  if (ctx.cmd.slowms !== undefined) {
    if (typeof ctx.cmd.slowms !== "number") throw new CommandError(14, "slowms must be a number");
    next.slowms = Math.trunc(ctx.cmd.slowms);
  }
  if (ctx.cmd.sampleRate !== undefined) {
    const rate = ctx.cmd.sampleRate;
    if (typeof rate !== "number" || rate < 0 || rate > 1) {
      throw new CommandError(2, "'sampleRate' must be between 0.0 and 1.0 inclusive");
    }
    next.sampleRate = rate;
  }
  state.levels.set(ctx.dbName, next);
  return reply;
}
