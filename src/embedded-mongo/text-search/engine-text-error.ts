/**
 * An error from the text-search module, shaped like a mongod command error so the engine can
 * answer `{ok: 0, code, codeName, errmsg}` without translating it.
 */
export class EngineTextError extends Error {
  readonly code: number;
  readonly codeName: string;

  constructor(code: number, codeName: string, message: string) {
    super(message);
    this.name = "EngineTextError";
    this.code = code;
    this.codeName = codeName;
  }

  /** mongod calls the message `errmsg` on the wire. */
  get errmsg(): string {
    return this.message;
  }

  static badValue(message: string): EngineTextError {
    return new EngineTextError(2, "BadValue", message);
  }

  static cannotCreateIndex(message: string): EngineTextError {
    return new EngineTextError(67, "CannotCreateIndex", message);
  }
}
