import { ProvisioningError } from "../../db/provision-database";
import { OperationError } from "../../operations/operation-error";
import type { OperationReporting } from "../../operations/operation-events";
import { type DatabaseHandle, withDatabase } from "./connect-database";
import { createProgressDisplay } from "./progress-display";

export interface ActionContext extends DatabaseHandle {
  /** Pass to an operation: progress bars or lines, and log lines. */
  reporting: OperationReporting;
  /** Print a line of the result (stdout), without breaking a bar. */
  print(line: string): void;
}

/**
 * Runs one `jupiter db` subcommand: connects, shows progress, prints the outcome, and on
 * failure prints what went wrong and what to do, setting a non-zero exit code (1, or
 * the error's own). Returns the code so that callers may add their own (setup: 2 on drift).
 */
export async function runDbAction(
  command: string,
  work: (context: ActionContext) => Promise<number | void>,
): Promise<void> {
  const display = createProgressDisplay();
  try {
    const code = await withDatabase((handle) =>
      work({
        ...handle,
        reporting: { onProgress: (event) => display.update(event), log: (line) => display.log(line) },
        print: (line) => display.print(line),
      }),
    );
    display.stop();
    process.exitCode = code ?? 0;
  } catch (error) {
    display.stop();
    process.exitCode = reportFailure(command, error);
  }
}

function reportFailure(command: string, error: unknown): number {
  const prefix = `jupiter db ${command}: error:`;
  if (error instanceof OperationError) {
    console.error(`${prefix} ${error.message}`);
    console.error(`what to do: ${error.hint}`);
    return error.exitCode;
  }
  if (error instanceof ProvisioningError) {
    console.error(`${prefix} ${error.message}`);
    console.error(
      "what to do: set MONGODB_URI to your MongoDB server, e.g. MONGODB_URI=mongodb://localhost:27017",
    );
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`${prefix} ${message}`);
  console.error(
    "what to do: check the message above (server reachable? permissions?); set JUPITER_DEBUG=1 for the stack trace",
  );
  if (process.env.JUPITER_DEBUG && error instanceof Error) console.error(error.stack);
  return 1;
}
