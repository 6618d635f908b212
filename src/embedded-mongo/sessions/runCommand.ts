import type { CommandReply } from "../commands/CommandContext";
import { persistenceOf } from "../persistence/Persistence";
import type { Engine } from "../storage/Engine";
import { runInSession } from "./runInSession";

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
