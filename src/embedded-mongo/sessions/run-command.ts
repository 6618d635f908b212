import type { CommandReply } from "../commands/command-context";
import { persistenceOf } from "../persistence/persistence";
import type { Engine } from "../storage/engine";
import { runInSession } from "./run-in-session";

/** Runs one command within its session/transaction and, with a data directory, journals its effects. */
export function runCommand(
  engine: Engine,
  name: string,
  cmd: Record<string, unknown>,
  run: (engine: Engine) => CommandReply,
): CommandReply {
  const persistence = persistenceOf(engine);
  if (!persistence) return runInSession(engine, name, cmd, run);
  return persistence.run(name, () => runInSession(engine, name, cmd, run));
}
