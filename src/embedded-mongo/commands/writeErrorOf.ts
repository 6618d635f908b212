import { CommandError } from "../errors/CommandError";

/** A per-statement write error in mongod's writeErrors shape. */
export function writeErrorOf(index: number, err: unknown): Record<string, unknown> {
  if (err instanceof CommandError) {
    return { index, code: err.code, errmsg: err.message, ...err.extra };
  }
  return { index, code: 2, errmsg: err instanceof Error ? err.message : String(err) };
}
