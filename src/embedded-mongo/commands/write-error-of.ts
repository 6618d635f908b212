import { CommandError } from "../errors/command-error";

/** A per-statement write error in mongod's writeErrors shape. */
export function writeErrorOf(index: number, err: unknown): Record<string, unknown> {
  if (err instanceof CommandError) {
    return { index, code: err.code, errmsg: err.message, ...err.extra };
  }
  const coded = err as { code?: unknown };
  if (err instanceof Error && typeof coded.code === "number") {
    return { index, code: coded.code, errmsg: err.message };
  }
  return { index, code: 2, errmsg: err instanceof Error ? err.message : String(err) };
}
