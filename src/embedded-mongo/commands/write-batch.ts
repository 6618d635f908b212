import { CommandError } from "../errors/command-error";
import { assertWriteBatchSize } from "../storage/document-limits";
import { boolArg } from "./args";
import type { CommandContext } from "./command-context";
import { isCommandLevel } from "./is-command-level";
import { writeErrorOf } from "./write-error-of";

/** The statements of an insert, update or delete command, and whether they run as an ordered batch. */
export interface WriteBatch {
  statements: unknown[];
  ordered: boolean;
}

/** Reads and checks a write command's statements (`field`: documents, updates or deletes) and `ordered`. */
export function writeBatchArg(ctx: CommandContext, field: "documents" | "updates" | "deletes"): WriteBatch {
  const statements = ctx.cmd[field];
  if (!Array.isArray(statements))
    throw new CommandError(14, `BSON field '${ctx.name}.${field}' is missing or not an array`);
  assertWriteBatchSize(statements);
  return { statements, ordered: boolArg(ctx.cmd.ordered, true) };
}

/**
 * Runs a write command's statements in order. Each attempted statement counts once in
 * opcounters (as in mongod); a statement's error becomes a writeError and stops an ordered
 * batch; an error of the whole command (maxTimeMS) is thrown. Returns the writeErrors.
 */
export function runWriteBatch(
  ctx: CommandContext,
  { statements, ordered }: WriteBatch,
  counter: "insert" | "update" | "delete",
  run: (statement: unknown, index: number) => void,
): Record<string, unknown>[] {
  const writeErrors: Record<string, unknown>[] = [];
  for (let i = 0; i < statements.length; i++) {
    ctx.engine.stats.opcounters[counter]++;
    try {
      run(statements[i], i);
    } catch (err) {
      if (isCommandLevel(err)) throw err;
      writeErrors.push(writeErrorOf(i, err));
      if (ordered) break;
    }
  }
  return writeErrors;
}
