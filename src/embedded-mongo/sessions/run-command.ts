import { persistenceOf } from "../persistence/persistence";
import { runInSession } from "./run-in-session";

/** Runs one command within its session/transaction and, with a data directory, journals its effects. */
export const runCommand: typeof runInSession = (engine, name, cmd, run) => {
  const persistence = persistenceOf(engine);
  if (!persistence) return runInSession(engine, name, cmd, run);
  return persistence.run(name, () => runInSession(engine, name, cmd, run));
};
