/**
 * A failure of a database operation whose message says what went wrong and whose `hint`
 * says what to do about it. The CLI prints both and exits with `exitCode`.
 */
export class OperationError extends Error {
  override readonly name = "OperationError";

  constructor(
    message: string,
    readonly hint: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
