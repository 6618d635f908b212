import { CommandError } from "../errors/command-error";

/** Errors that abort the whole command rather than one statement. */
export function isCommandLevel(err: unknown): boolean {
  return err instanceof CommandError && err.code === 50;
}
