import { codeNameOf } from "./code-names";

/** An error that reaches the client as MongoDB's `{ok: 0, errmsg, code, codeName}`. */
export class CommandError extends Error {
  readonly codeName: string;
  constructor(
    readonly code: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.codeName = codeNameOf(code);
  }
}
