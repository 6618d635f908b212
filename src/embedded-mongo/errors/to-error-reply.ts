import { CommandError } from "./command-error";

/** Maps any thrown value to MongoDB's error reply shape. */
export function toErrorReply(err: unknown): Record<string, unknown> {
  if (err instanceof CommandError) {
    return { ok: 0, errmsg: err.message, code: err.code, codeName: err.codeName, ...err.extra };
  }
  const message = err instanceof Error ? err.message : String(err);
  // Errors of the text and validation modules carry mongod's code and codeName.
  const coded = err as { code?: unknown; codeName?: unknown };
  if (err instanceof Error && typeof coded.code === "number" && typeof coded.codeName === "string") {
    return reply(coded.code, coded.codeName, message);
  }
  // mingo reports invalid operators and arguments as plain errors: give them mongod's codes.
  const stage = /unregistered pipeline operator (\$\w+)/.exec(message);
  if (stage) return reply(40324, "Location40324", `Unrecognized pipeline stage name: '${stage[1]}'`);
  const accumulator = /accumulator '(\$\w+)' is not registered/.exec(message);
  if (accumulator) return reply(15952, "Location15952", `unknown group operator '${accumulator[1]}'`);
  const queryOp = /unknown (?:top level|query) operator:? (\$\w+)/.exec(message);
  if (queryOp) return reply(2, "BadValue", `unknown operator: ${queryOp[1]}`);
  return reply(2, "BadValue", message);
}

function reply(code: number, codeName: string, errmsg: string): Record<string, unknown> {
  return { ok: 0, errmsg, code, codeName };
}
